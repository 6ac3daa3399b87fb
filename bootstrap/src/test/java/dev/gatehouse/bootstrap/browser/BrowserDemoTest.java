package dev.gatehouse.bootstrap.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.gatehouse.bootstrap.DeploymentMode;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The demo page in a real browser (Debian's headless Chromium via its chromedriver): tokens stay out of
 * JavaScript's reach, a reload keeps the session, a page of another origin gets nowhere, the /bff
 * proxy reaches an API that verifies the bearer by JWKS, and no script of the page turns a /bff session
 * into a token. Screenshots go to
 * {@code bootstrap/target/screenshots}. Needs {@code chromium} and {@code chromium-driver} (installed by
 * {@code .ci/run}); skipped where they are missing.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BrowserDemoTest {

    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private EmbeddedServer gatehouse;
    private HttpServer otherOrigin;
    private WebDriver browser;
    private String demo;
    private final String email = "browser-" + UUID.randomUUID() + "@example.com";

    @BeforeAll
    void start() throws IOException {
        Assumptions.assumeTrue(HeadlessChromium.installed(),
                "Debian's chromium and chromium-driver are not installed");
        int port = freePort();
        String origin = "http://localhost:" + port;
        gatehouse = DeploymentMode.choose(ApplicationContext.builder().properties(Map.of(
                "micronaut.server.port", port,
                "gatehouse.bff.upstream-url", origin + "/demo-api",
                "gatehouse.clients.web.allowed-origins", origin,
                "gatehouse.clients.bff.allowed-origins", origin))).run(EmbeddedServer.class);
        demo = origin + "/demo/";
        otherOrigin = OtherOriginSite.start(origin);
        browser = HeadlessChromium.start();
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterAll
    void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (otherOrigin != null) {
            otherOrigin.stop(0);
        }
        if (gatehouse != null) {
            gatehouse.close();
        }
    }

    @Test
    @Order(1)
    void registering_keeps_every_token_out_of_javascripts_reach() {
        browser.get(demo);
        typeEmail();
        browser.findElement(By.id("register")).click();
        awaitText("cookie-status", "signed in");
        assertThat(script("return document.cookie")).isEqualTo("");
        assertThat(script("return localStorage.length + sessionStorage.length")).isEqualTo(0L);
        screenshot("1-registered");
    }

    @Test
    @Order(2)
    void a_reload_keeps_the_session_through_the_httponly_cookie() {
        browser.navigate().refresh();
        awaitText("cookie-status", "signed in");
        browser.findElement(By.id("me")).click();
        awaitText("cookie-output", email);
        screenshot("2-after-reload");
    }

    @Test
    @Order(3)
    void a_page_of_another_origin_can_neither_refresh_nor_use_the_proxy() {
        browser.get("http://127.0.0.1:" + otherOrigin.getAddress().getPort() + "/evil.html");
        new WebDriverWait(browser, Duration.ofSeconds(15)).until(d -> d.findElement(By.id("done")).getText().equals("done"));
        assertThat(browser.findElement(By.id("refresh")).getText()).isEqualTo("blocked");
        assertThat(browser.findElement(By.id("bff")).getText()).isEqualTo("blocked");
        screenshot("3-other-origin");
        browser.get(demo);
        awaitText("cookie-status", "signed in");
    }

    @Test
    @Order(4)
    void the_bff_reaches_an_api_that_verifies_the_bearer_by_jwks() {
        logInThroughBff();
        browser.findElement(By.id("bff-call")).click();
        awaitText("bff-output", "Hello from the demo API");
        String output = browser.findElement(By.id("bff-output")).getText();
        assertThat(output).contains("\"verifiedWith\": \"JWKS\"", "\"client_id\": \"bff\"", "\"sawCookies\": false");
        assertThat(script("return document.cookie")).isEqualTo("");
        screenshot("4-bff-call");
    }

    @Test
    @Order(5)
    void signing_out_ends_both_sessions() {
        browser.findElement(By.id("bff-logout")).click();
        awaitText("bff-status", "logged out");
        browser.findElement(By.id("bff-call")).click();
        awaitText("bff-output", "401");
        browser.findElement(By.id("sign-out")).click();
        awaitText("cookie-status", "signed out");
        browser.navigate().refresh();
        awaitText("cookie-output", "\"restored\": false");
        assertThat(browser.findElement(By.id("cookie-status")).getText()).isEqualTo("signed out");
        screenshot("5-signed-out");
    }

    @Test
    @Order(6)
    void after_a_bff_login_no_page_script_obtains_a_token() {
        logInThroughBff();
        assertThat(script("return document.cookie")).isEqualTo("");

        for (String client : new String[] {"bff", "web"}) {
            Object answer = ((JavascriptExecutor) browser).executeAsyncScript("""
                    const done = arguments[arguments.length - 1];
                    fetch('/auth/token', { method: 'POST', credentials: 'include',
                        headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'X-Requested-With': 'gatehouse' },
                        body: 'grant_type=refresh_token&client_id=' + arguments[0] })
                      .then(r => r.text().then(t => done(r.status + ' ' + t)), e => done('failed ' + e));""", client);
            assertThat((String) answer).as("client_id=" + client).matches("40[01] .*").doesNotContain("access_token");
        }
        browser.findElement(By.id("bff-steal")).click();
        awaitText("bff-output", "\"web\"");
        assertThat(browser.findElement(By.id("bff-output")).getText()).doesNotContain("obtained").contains("unauthorized_client");
        browser.findElement(By.id("bff-call")).click();
        awaitText("bff-output", "Hello from the demo API");
        screenshot("6-no-token-for-scripts");
    }

    private void logInThroughBff() {
        typeEmail();
        browser.findElement(By.id("bff-login")).click();
        awaitText("bff-status", "logged in as " + email);
    }

    private void typeEmail() {
        browser.findElement(By.id("email")).clear();
        browser.findElement(By.id("email")).sendKeys(email);
    }

    private void awaitText(String id, String text) {
        new WebDriverWait(browser, Duration.ofSeconds(15)).until(ExpectedConditions.textToBePresentInElementLocated(By.id(id), text));
    }

    private Object script(String source) {
        return ((JavascriptExecutor) browser).executeScript(source);
    }

    private void screenshot(String name) {
        try {
            Files.write(SCREENSHOTS.resolve(name + ".png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
