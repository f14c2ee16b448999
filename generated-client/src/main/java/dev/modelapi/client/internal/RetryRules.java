package dev.modelapi.client.internal;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** What one API says about retrying: which calls are idempotent, which answers mean "busy, try later". */
public interface RetryRules {

    /** Whether sending {@code request} twice leaves the server as sending it once. */
    boolean idempotent(HttpRequest request);

    /** Why {@code response} asks to be retried later (e.g. {@code HTTP 429}), or {@code null} when it does not. */
    String busyReason(HttpResponse<byte[]> response);
}
