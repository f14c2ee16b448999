package dev.modelapi.compat.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Where the base documents come from: a folder (a checkout), or a git ref of the working tree's repository. */
abstract class BaseSource {

    /** The file at {@code path} (relative to the repository root) in the base, or {@code null} if it has none. */
    abstract String read(String path) throws IOException, InterruptedException;

    abstract String describe();

    /** The full commit id, or the folder's absolute path. */
    abstract String id();

    /**
     * {@code base} as a folder if one exists there, else as a git ref; with no {@code base}: the merge-base with
     * {@code main} (or {@code origin/main}), else the last tag, else {@code HEAD}.
     */
    static BaseSource resolve(Path repo, String base) throws IOException, InterruptedException {
        if (base != null && Files.isDirectory(Path.of(base))) {
            Path dir = Path.of(base).toAbsolutePath().normalize();
            return new BaseSource() {
                @Override
                String read(String path) throws IOException {
                    Path file = dir.resolve(path);
                    return Files.exists(file) ? Files.readString(file) : null;
                }

                @Override
                String describe() {
                    return dir.toString();
                }

                @Override
                String id() {
                    return dir.toString();
                }
            };
        }
        String ref = base;
        String how = "given";
        if (ref == null) {
            for (String branch : List.of("main", "origin/main")) {
                String mergeBase = git(repo, "merge-base", "HEAD", branch);
                if (mergeBase != null) {
                    ref = mergeBase;
                    how = "merge-base with " + branch;
                    break;
                }
            }
        }
        if (ref == null) {
            ref = git(repo, "describe", "--tags", "--abbrev=0");
            how = "last tag";
        }
        if (ref == null) {
            ref = "HEAD";
            how = "no main branch and no tag";
        }
        String commit = git(repo, "rev-parse", "--verify", ref + "^{commit}");
        if (commit == null) {
            throw new IOException("'" + ref + "' is neither a folder nor a git ref of " + repo);
        }
        String finalRef = ref;
        String description = ref + " (" + how + ", " + commit.substring(0, Math.min(12, commit.length())) + ")";
        return new BaseSource() {
            @Override
            String read(String path) throws IOException, InterruptedException {
                return git(repo, "show", commit + ":" + path);
            }

            @Override
            String describe() {
                return description;
            }

            @Override
            String id() {
                return commit;
            }
        };
    }

    /** The command's output, or {@code null} when git fails (no such ref, file not in that commit). */
    static String git(Path repo, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add("git");
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).directory(repo.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        byte[] out;
        try (InputStream in = p.getInputStream()) {
            ByteArrayOutputStream buffer = new ByteArrayOutputStream();
            in.transferTo(buffer);
            out = buffer.toByteArray();
        }
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException("git " + String.join(" ", args) + " did not finish");
        }
        if (p.exitValue() != 0) {
            return null;
        }
        String text = new String(out, StandardCharsets.UTF_8);
        return args[0].equals("show") ? text : text.trim();
    }
}
