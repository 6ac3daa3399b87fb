package dev.gatehouse.adapter.in.web.browser;

/**
 * Names and descriptions of the {@link HostCookie}s and of the CSRF header, for the OpenAPI cookie and
 * header parameters of the endpoints that read them:
 * {@code @Operation(parameters = @Parameter(name = CookieParameters.REFRESH, in = ParameterIn.COOKIE,
 * description = CookieParameters.REFRESH_DESCRIPTION, schema = @Schema(type = "string")))}
 * (inside {@code @Operation}: micronaut-openapi types a method-level {@code @Parameter} without an argument as an object).
 */
public final class CookieParameters {

    public static final String REFRESH = "__Host-gh_refresh";
    public static final String REFRESH_DESCRIPTION = "Refresh token of a cookie client "
            + "(HttpOnly; Secure; SameSite=Strict; never readable by scripts)";
    public static final String ACCESS = "__Host-gh_access";
    public static final String ACCESS_DESCRIPTION = "Access token of a /bff session (HttpOnly; Secure; SameSite=Strict)";
    public static final String BFF = "__Host-gh_bff";
    public static final String BFF_DESCRIPTION = "Refresh token of a /bff session, of the proxy client "
            + "(HttpOnly; Secure; SameSite=Strict); no endpoint outside /bff accepts it";
    public static final String CSRF_HEADER = CsrfGuard.HEADER;
    public static final String CSRF_DESCRIPTION = "`gatehouse`; required, with an allowed `Origin`, when the request "
            + "authenticates by cookie";

    private CookieParameters() {
    }
}
