package dev.gatehouse.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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
 * The README's "Try the browser demo", as written, against the jar: started with the README's own command
 * ({@link ReadmeDemoCommand}, on a free port) and its demo page driven by Debian's headless Chromium through its
 * chromedriver. What the README promises: sign up as the cookie client with the refresh token out of JavaScript's
 * reach, a reload keeps the session, and the {@code /bff} proxy reaches a demo API that verifies the bearer token
 * through JWKS. (The attacks from other origins are {@code bootstrap}'s in-process {@code BrowserDemoTest}.)
 * Screenshots go to {@code acceptance/target/screenshots}. Skipped only where {@code chromium} and
 * {@code chromium-driver} are missing ({@code .ci/run} installs them).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BrowserDemoIT {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private GatehouseJar gatehouse;
    private WebDriver browser;
    private final String email = "readme-" + UUID.randomUUID() + "@example.com";

    @BeforeAll
    void start() throws IOException {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "Debian's chromium and chromium-driver are not installed");
        gatehouse = GatehouseJar.start("readme-demo", ReadmeDemoCommand::onPort);
        browser = chromium();
        Files.createDirectories(SCREENSHOTS);
        browser.get(gatehouse.base() + "/demo/");
    }

    @AfterAll
    void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (gatehouse != null) {
            gatehouse.close();
        }
    }

    @Test
    @Order(1)
    void signing_up_as_the_cookie_client_keeps_the_refresh_token_out_of_javascript() {
        typeEmail();
        browser.findElement(By.id("register")).click();
        awaitText("cookie-status", "signed in");
        assertThat(script("return document.cookie")).isEqualTo("");
        assertThat(script("return localStorage.length + sessionStorage.length")).isEqualTo(0L);
        screenshot("readme-1-signed-up");
    }

    @Test
    @Order(2)
    void a_reload_keeps_the_session() {
        browser.navigate().refresh();
        awaitText("cookie-status", "signed in");
        browser.findElement(By.id("me")).click();
        awaitText("cookie-output", email);
        screenshot("readme-2-reloaded");
    }

    @Test
    @Order(3)
    void the_bff_proxy_reaches_the_demo_api_which_verifies_the_bearer_through_jwks() {
        typeEmail();
        browser.findElement(By.id("bff-login")).click();
        awaitText("bff-status", "logged in as " + email);
        browser.findElement(By.id("bff-call")).click();
        awaitText("bff-output", "Hello from the demo API");
        assertThat(browser.findElement(By.id("bff-output")).getText())
                .contains("\"verifiedWith\": \"JWKS\"", "\"client_id\": \"bff\"", "\"sawCookies\": false");
        assertThat(script("return document.cookie")).isEqualTo("");
        screenshot("readme-3-bff-call");
    }

    private void typeEmail() {
        browser.findElement(By.id("email")).clear();
        browser.findElement(By.id("email")).sendKeys(email);
    }

    private void awaitText(String id, String text) {
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(ExpectedConditions.textToBePresentInElementLocated(By.id(id), text));
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

    /**
     * Debian's Chromium, headless, with no background traffic (this machine has no network) and a profile of its own
     * under {@code target/}, which {@code mvn clean} removes (one in {@code /tmp} was left behind by every run).
     */
    private static WebDriver chromium() throws IOException {
        var options = new ChromeOptions();
        options.setBinary(CHROMIUM.toString());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--window-size=1200,1800",
                "--user-data-dir=" + Files.createTempDirectory(Files.createDirectories(Path.of("target")), "chromium-profile-"));
        return new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build(),
                options);
    }
}
