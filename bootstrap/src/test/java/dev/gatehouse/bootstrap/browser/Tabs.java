package dev.gatehouse.bootstrap.browser;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Tabs of one browser, hence of one origin's cookies, Web Locks and BroadcastChannels. WebDriver talks to one
 * tab at a time, so scripts that must run at once in several tabs are started by a message (see
 * {@link #startEverywhereAtOnce}), and results are collected by polling, with a deadline generous enough for
 * a loaded machine. Closing it quits the browser.
 */
final class Tabs implements AutoCloseable {

    static final Duration DEADLINE = Duration.ofSeconds(60);

    private final WebDriver browser;
    private final List<String> handles = new ArrayList<>();

    Tabs(WebDriver browser) {
        this.browser = browser;
        browser.manage().timeouts().scriptTimeout(DEADLINE);
        handles.add(browser.getWindowHandle());
    }

    /** Opens {@code url} in a new tab; returns its number (the first tab is 0). */
    int open(String url) {
        browser.switchTo().newWindow(WindowType.TAB);
        browser.get(url);
        handles.add(browser.getWindowHandle());
        return handles.size() - 1;
    }

    int count() {
        return handles.size();
    }

    Object run(int tab, String script, Object... arguments) {
        return executor(tab).executeScript(script, arguments);
    }

    /** Runs a script that ends by calling {@code done(result)} ({@code done} is defined for it). */
    Object runAsync(int tab, String script, Object... arguments) {
        return executor(tab).executeAsyncScript("const done = arguments[arguments.length - 1];\n" + script, arguments);
    }

    /** Polls {@code expression} (a JavaScript expression) in {@code tab} until it is neither null nor false. */
    Object await(int tab, String expression) {
        executor(tab);
        return new WebDriverWait(browser, DEADLINE).until(driver -> {
            Object value = ((JavascriptExecutor) driver).executeScript("return " + expression);
            return Boolean.FALSE.equals(value) ? null : value;
        });
    }

    /**
     * Makes every tab run {@code body} (a function body, {@code round} in scope) on the same message, and
     * posts that message: the tabs start as close together as the browser delivers a BroadcastChannel message.
     */
    void startEverywhereAtOnce(String channel, String body, Object round) {
        for (int tab = 0; tab < count(); tab++) {
            run(tab, "if (window.startSignal) startSignal.close();" // one listener per tab, whatever ran before
                    + "window.startSignal = new BroadcastChannel(arguments[0]);"
                    + "startSignal.onmessage = ({ data: round }) => { " + body + " };", channel);
        }
        run(0, "new BroadcastChannel(arguments[0]).postMessage(arguments[1]);", channel, round);
    }

    @Override
    public void close() {
        browser.quit();
    }

    private JavascriptExecutor executor(int tab) {
        if (!browser.getWindowHandle().equals(handles.get(tab))) {
            browser.switchTo().window(handles.get(tab));
        }
        return (JavascriptExecutor) browser;
    }
}
