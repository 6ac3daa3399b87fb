/**
 * What every use case may fail with, whichever port raised it: the store is unavailable, or the service
 * sheds load. Inbound adapters map these to 503; outbound adapters throw them.
 */
package dev.gatehouse.application.port;
