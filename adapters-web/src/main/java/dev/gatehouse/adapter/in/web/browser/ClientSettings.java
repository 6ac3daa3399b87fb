package dev.gatehouse.adapter.in.web.browser;

import io.micronaut.context.annotation.EachProperty;
import io.micronaut.context.annotation.Parameter;
import java.util.List;

/** One configured client, {@code gatehouse.clients.<id>}: how it receives refresh tokens and where it runs. */
@EachProperty("gatehouse.clients")
public class ClientSettings {

    /** How the refresh token travels between the service and the client. */
    public enum Delivery {
        /** In the JSON body (REST API consumers, mobile, CLI, other backends). */
        BODY,
        /** Only in an HttpOnly {@code __Host-} cookie, never in a body (browser frontends). */
        COOKIE
    }

    private final String id;
    private Delivery delivery = Delivery.BODY;
    private List<String> allowedOrigins = List.of();

    public ClientSettings(@Parameter String id) {
        this.id = id;
    }

    public String getId() {
        return id;
    }

    public Delivery getDelivery() {
        return delivery;
    }

    public void setDelivery(Delivery delivery) {
        this.delivery = delivery;
    }

    public List<String> getAllowedOrigins() {
        return allowedOrigins;
    }

    public void setAllowedOrigins(List<String> allowedOrigins) {
        this.allowedOrigins = List.copyOf(allowedOrigins);
    }
}
