/** {@code Prefer: fault=…}, {@code Prefer: delay=…} and {@code --rate-limit}. */
package dev.modelapi.mock.faults;
