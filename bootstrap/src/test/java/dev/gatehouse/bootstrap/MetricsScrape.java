package dev.gatehouse.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * One scrape of {@code GET /metrics}: every sample line ({@code name{labels} value}) by its series
 * ({@code name{labels}}), so that a test can assert exactly which series moved by how much.
 */
record MetricsScrape(String text, Map<String, Double> samples) {

    static MetricsScrape of(HttpFixture http) {
        HttpResponse<String> response = http.send(http.request("/metrics").GET());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).contains("text/plain; version=0.0.4; charset=utf-8");
        Map<String, Double> samples = new HashMap<>();
        response.body().lines().filter(line -> !line.isBlank() && !line.startsWith("#")).forEach(line -> {
            int space = line.lastIndexOf(' ');
            samples.put(line.substring(0, space), Double.parseDouble(line.substring(space + 1)));
        });
        return new MetricsScrape(response.body(), samples);
    }

    /** The series of {@code family} (e.g. {@code gatehouse_refreshes_total}) that changed since {@code before}, with the change. */
    Map<String, Double> changedSince(MetricsScrape before, String family) {
        Map<String, Double> changed = new TreeMap<>();
        samples.forEach((series, value) -> {
            if (series.equals(family) || series.startsWith(family + "{")) {
                double delta = value - before.samples.getOrDefault(series, 0.0);
                if (delta != 0) {
                    changed.put(series, delta);
                }
            }
        });
        return changed;
    }
}
