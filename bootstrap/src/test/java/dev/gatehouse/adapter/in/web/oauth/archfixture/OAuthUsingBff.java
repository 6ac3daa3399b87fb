package dev.gatehouse.adapter.in.web.oauth.archfixture;

import dev.gatehouse.adapter.in.web.bff.archfixture.BffUsingOAuth;

/** One half of a planted package cycle (oauth → bff → oauth); only for ArchitectureRulesCanFailTest. */
public class OAuthUsingBff {

    public String name(BffUsingOAuth bff) {
        return bff.getClass().getSimpleName();
    }
}
