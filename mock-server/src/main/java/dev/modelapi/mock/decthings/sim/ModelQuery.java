package dev.modelapi.mock.decthings.sim;

import dev.modelapi.decthings.server.model.GetModelsFilter;
import dev.modelapi.decthings.server.model.GetModelsRequest;
import dev.modelapi.decthings.server.model.GetModelsResult;
import dev.modelapi.decthings.server.model.Model;
import dev.modelapi.decthings.server.model.OrganizationModelOwner;
import dev.modelapi.decthings.server.model.SortDirection;
import dev.modelapi.decthings.server.model.Tag;
import dev.modelapi.decthings.server.model.UserModelOwner;
import dev.modelapi.mock.decthings.Caller;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * getModels: the models the caller can see, filtered (every given criterion must match), sorted by a field
 * ({@code createdAt} by default, ascending by default; ties broken by id), and paged (offset 0, limit 20 by default);
 * {@code total} counts all matches.
 */
final class ModelQuery {

    static final int DEFAULT_LIMIT = 20;

    /** The fields getModels can sort by. */
    private static final Map<String, Comparator<ModelRecord>> SORTS = Map.of(
            "createdAt", Comparator.comparingLong(m -> m.createdAt),
            "name", Comparator.comparing(m -> m.name),
            "id", Comparator.comparing(m -> m.id),
            "description", Comparator.comparing(m -> m.description == null ? "" : m.description),
            "filesystemSizeMebibytes", Comparator.comparingLong(m -> m.filesystemMebibytes));

    private final SimContext ctx;

    ModelQuery(SimContext ctx) {
        this.ctx = ctx;
    }

    GetModelsResult run(GetModelsRequest req) {
        int offset = req.getOffset() == null ? 0 : req.getOffset();
        int limit = req.getLimit() == null ? DEFAULT_LIMIT : req.getLimit();
        String sort = req.getSort() == null ? "createdAt" : req.getSort();
        Comparator<ModelRecord> order = SORTS.get(sort);
        if (order == null) {
            throw SimError.invalidParameter("sort", "Cannot sort by '" + sort + "'; use one of "
                    + new java.util.TreeSet<>(SORTS.keySet()));
        }
        order = order.thenComparing(m -> m.id);
        if (req.getSortDirection() == SortDirection.DESC) {
            order = order.reversed();
        }
        Caller caller = Caller.current();
        List<ModelRecord> matches = ctx.models.values().stream()
                .filter(m -> m.visibleTo(caller))
                .filter(m -> matches(m, req.getFilter()))
                .sorted(order)
                .toList();
        List<Model> page = matches.stream().skip(offset).limit(limit)
                .map(m -> m.toModel(caller, ctx.ongoingTrainings(m.id)))
                .toList();
        return new GetModelsResult().models(new java.util.ArrayList<>(page)).total(matches.size())
                .offset(offset).limit(limit);
    }

    private static boolean matches(ModelRecord m, GetModelsFilter f) {
        if (f == null) {
            return true;
        }
        return in(f.getOwners(), ownerId(m))
                && in(f.getIds(), m.id)
                && in(f.getNames(), m.name)
                && (f.getSearchName() == null
                    || m.name.toLowerCase(Locale.ROOT).contains(f.getSearchName().toLowerCase(Locale.ROOT)))
                && (f.getTags() == null || f.getTags().stream().allMatch(t -> hasTag(m, t)));
    }

    private static <T> boolean in(List<T> allowed, T value) {
        return allowed == null || allowed.contains(value);
    }

    private static boolean hasTag(ModelRecord m, Tag wanted) {
        return m.tags != null && m.tags.stream()
                .anyMatch(t -> t.getTag().equals(wanted.getTag()) && t.getValue().equals(wanted.getValue()));
    }

    private static String ownerId(ModelRecord m) {
        return m.owner instanceof UserModelOwner u ? u.getUserId()
                : ((OrganizationModelOwner) m.owner).getOrganizationId();
    }

}
