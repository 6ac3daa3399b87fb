package dev.gatehouse.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
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
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The README's "Try the browser demo", as written, in a real browser: the jar started with exactly the README's
 * flags (on a free port instead of 8080) and its demo page driven by Debian's headless Chromium via its
 * chromedriver. Tokens stay out of JavaScript's reach, a reload keeps the session, a page of another origin gets
 * nowhere, and the /bff proxy reaches an API that verifies the bearer by JWKS. Screenshots go to
 * {@code acceptance/target/screenshots}. Needs {@code chromium} and {@code chromium-driver} (installed by
 * {@code .ci/run}); skipped only where they are missing.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BrowserDemoIT {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private GatehouseJar gatehouse;
    private OtherOriginSite otherOrigin;
    private WebDriver browser;
    private String demo;
    private final String email = "browser-" + UUID.randomUUID() + "@example.com";

    @BeforeAll
    void start() throws IOException {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "Debian's chromium and chromium-driver are not installed");
        gatehouse = GatehouseJar.start("readme-demo", BrowserDemoIT::readmeFlags);
        String origin = gatehouse.base().toString();
        demo = origin + "/demo/";
        otherOrigin = new OtherOriginSite(origin);
        browser = chromium();
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterAll
    void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (otherOrigin != null) {
            otherOrigin.close();
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
        browser.get(otherOrigin.url());
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
        typeEmail();
        browser.findElement(By.id("bff-login")).click();
        awaitText("bff-status", "logged in as " + email);
        browser.findElement(By.id("bff-call")).click();
        awaitText("bff-output", "Hello from the demo API");
        String output = browser.findElement(By.id("bff-output")).getText();
        assertThat(output).contains("\"verifiedWith\": \"JWKS\"", "\"sawCookies\": false");
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
        awaitText("cookie-output", "400");
        assertThat(browser.findElement(By.id("cookie-status")).getText()).isEqualTo("signed out");
        screenshot("5-signed-out");
    }

    /** README: {@code java -Dgatehouse.bff.upstream-url=... -Dgatehouse.clients.web.allowed-origins=... -jar ...}. */
    private static JarLaunch readmeFlags(int port) {
        String origin = "http://localhost:" + port;
        Map<String, String> flags = new LinkedHashMap<>();
        flags.put("gatehouse.bff.upstream-url", origin + "/demo-api");
        flags.put("gatehouse.clients.web.allowed-origins", origin);
        flags.put("micronaut.server.port", String.valueOf(port));
        return JarLaunch.withProperties(flags);
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

    private static WebDriver chromium() throws IOException {
        var options = new ChromeOptions();
        options.setBinary(CHROMIUM.toString());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--window-size=1200,1800", "--user-data-dir=" + Files.createTempDirectory("gatehouse-chromium"));
        var service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        return new ChromeDriver(service, options);
    }
}
