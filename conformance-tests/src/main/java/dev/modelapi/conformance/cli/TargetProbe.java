package dev.modelapi.conformance.cli;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Whether anything answers HTTP at a base URL (any status counts: the suite judges the answers). */
final class TargetProbe {

    private TargetProbe() {
    }

    /** Null when reachable, else why not. */
    static String unreachable(URI url, Duration timeout) {
        HttpClient client = HttpClient.newBuilder().connectTimeout(timeout).build();
        HttpRequest request = HttpRequest.newBuilder(url).timeout(timeout).method("GET",
                HttpRequest.BodyPublishers.noBody()).build();
        try {
            client.send(request, HttpResponse.BodyHandlers.discarding());
            return null;
        } catch (IOException e) {
            String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            Throwable cause = e.getCause();
            if (cause != null && cause.getMessage() != null) {
                reason = reason + " (" + cause.getMessage() + ")";
            }
            return e.getClass().getSimpleName() + ": " + reason;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }
}
