/** The mock's additions to WireMock's admin API ({@code /__admin/modelapi…}). */
package dev.modelapi.mock.admin;
