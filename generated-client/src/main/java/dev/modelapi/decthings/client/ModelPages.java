package dev.modelapi.decthings.client;

import dev.modelapi.decthings.client.api.ModelApi;
import dev.modelapi.decthings.client.invoker.ApiException;
import dev.modelapi.decthings.client.model.GetModelsRequest;
import dev.modelapi.decthings.client.model.GetModelsResponse;
import dev.modelapi.decthings.client.model.GetModelsResult;
import dev.modelapi.decthings.client.model.Model;

import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Every model that a {@code getModels} query matches, fetched page by page as the iteration reaches it: the query's
 * filter and sort are kept, its {@code offset} is where the first page starts and its {@code limit} is the page size.
 * Iteration ends when a page is empty or the result's {@code total} is reached. Each iteration fetches afresh.
 *
 * <p>A page that answers with an API error, or cannot be fetched, throws {@link ModelPagingException} from
 * {@code hasNext()}/{@code next()}.
 */
public final class ModelPages implements Iterable<Model> {

    private final ModelApi api;
    private final GetModelsRequest query;

    ModelPages(ModelApi api, GetModelsRequest query) {
        this.api = Objects.requireNonNull(api, "api");
        this.query = Objects.requireNonNull(query, "query");
        if (query.getLimit() != null && query.getLimit() < 1) {
            throw new IllegalArgumentException("The page size (limit) must be at least 1, was " + query.getLimit());
        }
    }

    @Override
    public Iterator<Model> iterator() {
        return new PageIterator();
    }

    /** The models as a sequential stream; pages are fetched as the stream is consumed. */
    public Stream<Model> stream() {
        return StreamSupport.stream(
                Spliterators.spliteratorUnknownSize(iterator(), Spliterator.ORDERED | Spliterator.NONNULL), false);
    }

    private GetModelsRequest page(int offset) {
        return new GetModelsRequest()
                .offset(offset)
                .limit(query.getLimit())
                .filter(query.getFilter())
                .sort(query.getSort())
                .sortDirection(query.getSortDirection());
    }

    private final class PageIterator implements Iterator<Model> {
        private int nextOffset = query.getOffset() == null ? 0 : query.getOffset();
        private List<Model> current = List.of();
        private int index;
        private boolean finished;

        @Override
        public boolean hasNext() {
            while (index >= current.size() && !finished) {
                fetch();
            }
            return index < current.size();
        }

        @Override
        public Model next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            return current.get(index++);
        }

        private void fetch() {
            GetModelsResponse response;
            try {
                response = api.getModels(page(nextOffset));
            } catch (ApiException | RuntimeException e) {
                finished = true;
                throw new ModelPagingException(nextOffset, e);
            }
            if (response.getError() != null) {
                finished = true;
                throw new ModelPagingException(nextOffset, response.getError());
            }
            GetModelsResult result = response.getResult();
            List<Model> models = result == null || result.getModels() == null ? List.of() : result.getModels();
            current = models;
            index = 0;
            nextOffset += models.size();
            Integer total = result == null ? null : result.getTotal();
            // an empty page ends it too, so a server whose total is wrong cannot make this loop forever
            finished = models.isEmpty() || (total != null && nextOffset >= total);
        }
    }
}
