/**
 * swagger-request-validator over the shipped specs: request validation for both APIs, and the
 * {@link dev.modelapi.mock.validation.ConformanceListener} that checks every served response.
 */
package dev.modelapi.mock.validation;
