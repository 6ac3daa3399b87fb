package dev.gatehouse.bootstrap.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.bootstrap.DeploymentMode;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * {@code GET /docs} in a real browser that cannot resolve any host name: the API explorer renders the
 * service's own document from the service alone, and the page asks no other host for anything. Its
 * screenshot goes to {@code bootstrap/target/screenshots/docs.png}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiExplorerTest {

    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private EmbeddedServer gatehouse;
    private WebDriver browser;

    @BeforeAll
    void start() throws IOException {
        Assumptions.assumeTrue(HeadlessChromium.installed(), "Debian's chromium and chromium-driver are not installed");
        gatehouse = DeploymentMode.choose(ApplicationContext.builder().properties(Map.of("micronaut.server.port", -1)))
                .run(EmbeddedServer.class);
        browser = HeadlessChromium.start("--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1");
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
    void the_explorer_renders_the_api_offline_from_the_service_alone() throws IOException {
        String origin = "http://127.0.0.1:" + gatehouse.getPort();
        browser.get(origin + "/docs");
        var wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".swagger-ui .info .title"), "Gatehouse"));
        wait.until(page -> page.findElements(By.cssSelector(".swagger-ui .opblock-summary-path")).stream()
                .anyMatch(operation -> operation.getText().equals("/auth/token")));
        assertThat(browser.findElements(By.cssSelector(".swagger-ui .opblock"))).hasSizeGreaterThan(10);
        Files.createDirectories(SCREENSHOTS);
        Files.write(SCREENSHOTS.resolve("docs.png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));

        @SuppressWarnings("unchecked")
        List<String> loaded = (List<String>) ((JavascriptExecutor) browser)
                .executeScript("return performance.getEntriesByType('resource').map(entry => entry.name)");
        assertThat(loaded).contains(origin + "/openapi.yml", origin + "/docs/swagger-ui-bundle.js")
                .allSatisfy(url -> assertThat(url).startsWith(origin + "/"));
    }
}
