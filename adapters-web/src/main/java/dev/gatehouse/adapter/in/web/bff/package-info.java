/** The backend-for-frontend: {@code /bff} login and logout and the {@code /bff/api} proxy to the upstream API. */
package dev.gatehouse.adapter.in.web.bff;
