/** The executable jar's command line ({@code java -jar modelapi-mock.jar --help}). */
package dev.modelapi.mock.cli;
