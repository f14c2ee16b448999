/**
 * JUnit 5 support: {@link dev.modelapi.mock.junit.ModelApiMockTest} and
 * {@link dev.modelapi.mock.junit.ModelApiMockExtension}, with {@link dev.modelapi.mock.junit.DecthingsUrl} /
 * {@link dev.modelapi.mock.junit.PiecesUrl} parameter injection.
 */
package dev.modelapi.mock.junit;
