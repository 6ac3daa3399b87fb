package dev.gatehouse.adapter.in.web.bff.archfixture;

import dev.gatehouse.adapter.in.web.oauth.archfixture.OAuthUsingBff;

/** The other half of a planted package cycle (bff → oauth → bff); only for ArchitectureRulesCanFailTest. */
public class BffUsingOAuth {

    public String name(OAuthUsingBff oauth) {
        return oauth.getClass().getSimpleName();
    }
}
