/** Routing by the JAX-RS annotations of the generated server interfaces, without a JAX-RS runtime. */
package dev.modelapi.mock.routing;
