package dev.modelapi.validation;

import com.github.fge.msgsimple.bundle.MessageBundle;
import com.github.fge.msgsimple.provider.MessageSourceProvider;
import com.github.fge.msgsimple.source.MessageSource;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A message bundle of the JSON Schema engine whose messages are looked up once per locale and key.
 *
 * <p>Why: the engine builds a validator per validated schema, and that constructor reads a message. The loaded bundle
 * asks its provider for every applicable locale ({@code en}, then the root); the provider has no {@code _en} file,
 * remembers the failed load, and answers every later lookup by throwing (and catching) a new
 * {@code ExecutionException}: 2.5 µs and a stack trace per message, several per request. Same texts: each key is
 * answered with what the loaded bundle answers for that locale (the key itself when it has no message).
 */
final class RememberedMessages implements MessageSourceProvider {

    private final MessageBundle loaded;
    private final Map<Locale, MessageSource> sources = new ConcurrentHashMap<>();

    private RememberedMessages(MessageBundle loaded) {
        this.loaded = loaded;
    }

    static MessageBundle of(MessageBundle loaded) {
        return MessageBundle.newBuilder().appendProvider(new RememberedMessages(loaded)).freeze();
    }

    @Override
    public MessageSource getMessageSource(Locale locale) {
        return sources.computeIfAbsent(locale, l -> {
            Map<String, String> messages = new ConcurrentHashMap<>();
            return key -> messages.computeIfAbsent(key, k -> loaded.getMessage(l, k));
        });
    }
}
