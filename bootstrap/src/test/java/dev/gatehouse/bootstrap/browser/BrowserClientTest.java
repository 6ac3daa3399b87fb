package dev.gatehouse.bootstrap.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.bootstrap.DeploymentMode;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

/**
 * The browser client {@code /sdk/gatehouse.js} in a real browser (Debian's headless Chromium), through the
 * demo page, in two tabs of one browser: with access tokens of {@value #ACCESS_TTL}, both tabs calling the
 * API right after the token expired make the session rotate once, not twice, {@value #EXPIRIES} times in a row,
 * also when the new token's message reaches the other tab only after that tab got the refresh lock; a {@code 401} costs one refresh
 * and one retry; the token goes to no origin but the page's, Gatehouse's and those listed in {@code apiOrigins};
 * a session revoked at the server ends once in every tab, with one refresh attempt in all.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BrowserClientTest {

    static final String SWITCH = "gatehouse.test.browser-client";
    private static final String ACCESS_TTL = "3s";
    private static final int EXPIRIES = 6;
    private static final String PASSWORD = "correct horse battery staple";
    /** In the refreshing tab: its token messages reach the other tabs 300 ms late, as if still under way. */
    private static final String DELAY_TOKEN_MESSAGES = """
            const post = window.undelayedPost = BroadcastChannel.prototype.postMessage;
            BroadcastChannel.prototype.postMessage = function (message) {
              const late = this.name === 'gatehouse' && message.type === 'token';
              late ? setTimeout(() => post.call(this, message), 300) : post.call(this, message);
            };""";
    private static final String CALL_ME = "gatehouse.fetch('/auth/me').then(r => { calls[round] = r.status; }, e => { calls[round] = String(e); });";

    private EmbeddedServer gatehouse;
    private WebDriver browser;
    private Tabs tabs;
    private ServerSide server;
    private final String email = "tabs-" + UUID.randomUUID() + "@example.com";

    @BeforeAll
    void start() throws IOException {
        Assumptions.assumeTrue(HeadlessChromium.installed(), "Debian's chromium and chromium-driver are not installed");
        int port = freePort();
        gatehouse = DeploymentMode.choose(ApplicationContext.builder().properties(Map.of("micronaut.server.port", port,
                "gatehouse.clients.web.allowed-origins", "http://localhost:" + port,
                "gatehouse.tokens.access-ttl", ACCESS_TTL, SWITCH, "true"))).run(EmbeddedServer.class);
        server = new ServerSide(gatehouse);
        browser = HeadlessChromium.start();
        tabs = new Tabs(browser);
    }

    @AfterAll
    void stop() {
        if (tabs != null) {
            tabs.close();
        }
        if (gatehouse != null) {
            gatehouse.close();
        }
    }

    @Test
    @Order(1)
    void two_tabs_calling_past_the_expiry_rotate_the_session_once() throws Exception {
        String demo = gatehouse.getURL() + "/demo/";
        browser.get(demo);
        browser.findElement(By.id("email")).clear();
        browser.findElement(By.id("email")).sendKeys(email);
        browser.findElement(By.id("register")).click();
        tabs.await(0, "gatehouse.signedIn");
        tabs.open(demo);
        tabs.await(1, "gatehouse.signedIn");
        String session = (String) tabs.run(0, "return gatehouse.sessionId");
        for (int tab = 0; tab < tabs.count(); tab++) {
            tabs.run(tab, "window.calls = {}; window.endings = [];"
                    + "['signedout', 'sessionended'].forEach(t => gatehouse.addEventListener(t, () => endings.push(t)));");
        }

        List<Long> rotations = new ArrayList<>();
        List<Integer> tokenRequests = new ArrayList<>();
        for (int round = 1; round <= EXPIRIES; round++) {
            for (int tab = 0; tab < tabs.count(); tab++) {
                tabs.await(tab, "gatehouse.expiresAt > 0 && Date.now() > gatehouse.expiresAt");
            }
            long generation = server.rotations(session);
            int requests = counter().count();
            tabs.startEverywhereAtOnce("go", CALL_ME, round);
            for (int tab = 0; tab < tabs.count(); tab++) {
                assertThat(tabs.await(tab, "calls[" + round + "] ?? null")).as("tab %d, round %d", tab, round).isEqualTo(200L);
            }
            rotations.add(server.rotations(session) - generation);
            tokenRequests.add(counter().count() - requests);
        }
        System.out.printf("two tabs, %d expiries: rotations per expiry %s, /auth/token requests per expiry %s%n",
                EXPIRIES, rotations, tokenRequests);

        assertThat(rotations).hasSize(EXPIRIES).containsOnly(1L);
        assertThat(tokenRequests).hasSize(EXPIRIES).containsOnly(1);
        for (int tab = 0; tab < tabs.count(); tab++) {
            assertThat(tabs.run(tab, "return endings.length")).as("sign-out events in tab %d", tab).isEqualTo(0L);
            assertThat(tabs.run(tab, "return gatehouse.sessionId")).isEqualTo(session);
        }
    }

    @Test
    @Order(2)
    void a_tab_granted_the_lock_before_the_token_message_arrives_waits_for_it() throws Exception {
        for (int tab = 0; tab < tabs.count(); tab++) {
            tabs.await(tab, "gatehouse.expiresAt > 0 && Date.now() > gatehouse.expiresAt");
        }
        tabs.run(0, DELAY_TOKEN_MESSAGES);
        tabs.run(1, "window.followsTheRefresh = true;");
        int requests = counter().count();
        tabs.startEverywhereAtOnce("go", """
                const refreshLockHeld = async () => (await navigator.locks.query()).held.some(l => l.name === 'gatehouse-refresh');
                const start = async () => { while (window.followsTheRefresh && !(await refreshLockHeld())) { /* poll */ } };
                start().then(() => {""" + CALL_ME + "});", "late");
        for (int tab = 0; tab < tabs.count(); tab++) {
            assertThat(tabs.await(tab, "calls.late ?? null")).as("tab %d", tab).isEqualTo(200L);
        }
        tabs.run(0, "BroadcastChannel.prototype.postMessage = window.undelayedPost;");

        assertThat(counter().count() - requests).as("/auth/token requests").isEqualTo(1);
    }

    @Test
    @Order(3)
    void a_401_costs_one_refresh_and_one_retry_with_the_new_token() {
        Object status = tabs.runAsync(0, "gatehouse.fetch('/rejecting-api/once').then(r => done(r.status), e => done(String(e)));");

        List<String> seen = rejectingApi().authorizationsSeen("once");
        assertThat(status).isEqualTo(200L);
        assertThat(seen).hasSize(2).allSatisfy(header -> assertThat(header).startsWith("Bearer "));
        assertThat(seen.get(1)).as("the retry carries the refreshed token").isNotEqualTo(seen.get(0));
    }

    @Test
    @Order(4)
    void an_api_that_keeps_refusing_gets_one_retry_and_the_session_stays() {
        Object status = tabs.runAsync(0, "gatehouse.fetch('/rejecting-api/always').then(r => done(r.status), e => done(String(e)));");

        assertThat(status).isEqualTo(401L);
        assertThat(rejectingApi().authorizationsSeen("always")).hasSize(2);
        assertThat(tabs.run(0, "return gatehouse.signedIn && endings.length === 0")).isEqualTo(true);
    }

    @Test
    @Order(5)
    void the_access_token_goes_to_this_origin_gatehouse_and_the_listed_api_origins_only() {
        String otherOrigin = "http://127.0.0.1:" + gatehouse.getURL().getPort(); // the same server, another origin

        Object unlisted = tabs.runAsync(0, "gatehouse.fetch(arguments[0] + '/rejecting-api/elsewhere')"
                + ".then(r => done('sent: ' + r.status), e => done(e.name + ': ' + e.message));", otherOrigin);
        Object listed = tabs.runAsync(0, """
                const [origin] = arguments;
                import('/sdk/gatehouse.js').then(async ({ createClient }) => {
                  const client = createClient({ clientId: 'web', apiOrigins: [origin] });
                  await client.ready;
                  const real = window.fetch;
                  let seen = 'not sent';
                  window.fetch = request => request.url.startsWith(origin)
                      ? (seen = request.headers.get('Authorization'), Promise.resolve(new Response('{}')))
                      : real(request);
                  try { await client.fetch(origin + '/orders'); } finally { window.fetch = real; }
                  done(seen);
                }, e => done(String(e)));""", otherOrigin);
        Object notAnOrigin = tabs.runAsync(0, """
                import('/sdk/gatehouse.js').then(({ createClient }) => {
                  try { createClient({ clientId: 'web', apiOrigins: ['https://api.example.com/v1'] }); done('created'); }
                  catch (e) { done(e.name + ': ' + e.message); }
                });""");

        assertThat((String) unlisted).startsWith("TypeError: gatehouse.fetch sends the access token only")
                .contains("not to " + otherOrigin);
        assertThat(rejectingApi().authorizationsSeen("elsewhere")).as("requests that reached the other origin").isEmpty();
        assertThat((String) listed).startsWith("Bearer ey");
        assertThat((String) notAnOrigin).isEqualTo(
                "TypeError: apiOrigins: https://api.example.com/v1 is not an origin (scheme://host[:port], no path)");
    }

    @Test
    @Order(6)
    void a_session_revoked_at_the_server_ends_once_in_every_tab_without_a_refresh_loop() throws Exception {
        assertThat(server.signOutEverywhere(email, PASSWORD)).isEqualTo(204);
        int requests = counter().count();

        Object statuses = tabs.runAsync(0, """
                const me = () => gatehouse.fetch('/auth/me').then(r => r.status);
                Promise.all([me(), me()]).then(first => me().then(then => me().then(last => done([...first, then, last]))));""");
        tabs.await(1, "endings.length > 0");
        Object inOtherTab = tabs.runAsync(1, "gatehouse.fetch('/auth/me').then(r => done(r.status));");

        assertThat(statuses).isEqualTo(List.of(401L, 401L, 401L, 401L));
        assertThat(inOtherTab).isEqualTo(401L);
        assertThat(counter().count() - requests).as("refresh attempts, all tabs together").isEqualTo(1);
        for (int tab = 0; tab < tabs.count(); tab++) {
            assertThat(tabs.run(tab, "return endings")).as("tab %d", tab).isEqualTo(List.of("sessionended"));
            assertThat(tabs.run(tab, "return [gatehouse.signedIn, document.getElementById('cookie-status').textContent]"))
                    .isEqualTo(List.of(false, "signed out: the session ended"));
        }
    }

    private TokenRequestCounter counter() {
        return gatehouse.getApplicationContext().getBean(TokenRequestCounter.class);
    }

    private RejectingApi rejectingApi() {
        return gatehouse.getApplicationContext().getBean(RejectingApi.class);
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
