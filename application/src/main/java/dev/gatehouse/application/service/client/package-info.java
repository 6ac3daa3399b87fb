/** The services of service clients: the client credentials grant and scope checks. */
package dev.gatehouse.application.service.client;
