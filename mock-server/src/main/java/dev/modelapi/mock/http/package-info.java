/** Shared HTTP details: the {@code Prefer} header, the mock's internal headers, the Jackson configuration. */
package dev.modelapi.mock.http;
