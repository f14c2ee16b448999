package dev.modelapi.mock.decthings;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;

/** The HTTP answers of the Decthings endpoint: 200 with a body in one encoding, or a bare status. */
final class DecthingsResponses {

    private DecthingsResponses() {
    }

    static ResponseDefinition ok(DecthingsEncoding encoding, byte[] body) {
        return ResponseDefinitionBuilder.responseDefinition()
                .withStatus(200)
                .withHeader("Content-Type", encoding.mediaType())
                .withBody(body)
                .build();
    }

    /** 404: "the sub-API or method was not found" (decthings.com/reference/http); no body. */
    static ResponseDefinition notFound() {
        return status(404);
    }

    static ResponseDefinition status(int status) {
        return ResponseDefinitionBuilder.responseDefinition().withStatus(status).build();
    }
}
