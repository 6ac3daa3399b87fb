package dev.gatehouse.application.port.in;

/** Whether the service can do its work now (its store answers), for health checks and load balancers. */
public interface ReadinessQuery {

    boolean isReady();
}
