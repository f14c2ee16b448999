/**
 * The mappings generated from the spec's named examples at build time
 * ({@link dev.modelapi.mock.recorded.gen.MappingsGenerator}) and shipped in the jar under {@code modelapi/mappings/}:
 * the {@code Prefer} stubs (both modes) and the default answers (recorded mode).
 */
package dev.modelapi.mock.recorded;
