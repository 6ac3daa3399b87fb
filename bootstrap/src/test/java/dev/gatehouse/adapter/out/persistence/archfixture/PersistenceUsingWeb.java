package dev.gatehouse.adapter.out.persistence.archfixture;

import dev.gatehouse.adapter.in.web.browser.ClientSettings;

/** Breaks the adapter rule on purpose (one adapter importing another); only for ArchitectureRulesCanFailTest. */
public class PersistenceUsingWeb {

    public String clientOf(ClientSettings settings) {
        System.out.println(settings.getId());
        return settings.getId();
    }
}
