package jtorch.kernel.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.jar.JarOutputStream;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The resolver against a repository on disk laid out as Maven Central is ({@code file:} URL): a
 * dependency that has its own dependency, a missing artifact, an unreachable repository, and the
 * cache that answers without the network.
 */
public class MavenResolverTest {
    @TempDir
    Path dir;

    /** Publishes group:artifact:version, a jar holding {@code files}, with the given dependencies. */
    public static void publish(Path repo, String group, String artifact, String version, List<String> deps,
            Map<String, byte[]> files) throws IOException {
        Path at = repo.resolve(group.replace('.', '/')).resolve(artifact).resolve(version);
        Files.createDirectories(at);
        StringBuilder pom = new StringBuilder("<project xmlns=\"http://maven.apache.org/POM/4.0.0\"><modelVersion>4.0.0</modelVersion>")
                .append("<groupId>").append(group).append("</groupId><artifactId>").append(artifact)
                .append("</artifactId><version>").append(version).append("</version><dependencies>");
        for (String d : deps) {
            String[] p = d.split(":");
            pom.append("<dependency><groupId>").append(p[0]).append("</groupId><artifactId>").append(p[1])
                    .append("</artifactId><version>").append(p[2]).append("</version></dependency>");
        }
        pom.append("</dependencies></project>");
        write(at.resolve(artifact + "-" + version + ".pom"), pom.toString().getBytes(StandardCharsets.UTF_8));
        Path jar = at.resolve(artifact + "-" + version + ".jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            for (Map.Entry<String, byte[]> f : files.entrySet()) {
                out.putNextEntry(new ZipEntry(f.getKey()));
                out.write(f.getValue());
                out.closeEntry();
            }
        }
        write(jar, Files.readAllBytes(jar));
    }

    /** Writes a file and its .sha1, as a real repository serves them. */
    private static void write(Path file, byte[] bytes) throws IOException {
        Files.write(file, bytes);
        try (OutputStream sha = Files.newOutputStream(file.resolveSibling(file.getFileName() + ".sha1"))) {
            String hex = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(bytes));
            sha.write(hex.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private Path remoteWithTwoArtifacts() throws IOException {
        Path remote = dir.resolve("remote");
        publish(remote, "org.jtorch.demo", "app", "1.0", List.of("org.jtorch.demo:lib:2.0"), Map.of("app.txt", new byte[] {1}));
        publish(remote, "org.jtorch.demo", "lib", "2.0", List.of(), Map.of("lib.txt", new byte[] {2}));
        return remote;
    }

    @Test
    void resolve_artifactWithDependency_givesBothJarsFromTheCache() throws IOException {
        Path remote = remoteWithTwoArtifacts();
        MavenResolver resolver = new MavenResolver(dir.resolve("cache"), remote.toUri().toString());
        List<Path> jars = resolver.resolve(List.of("org.jtorch.demo:app:1.0"));
        assertEquals(List.of("app-1.0.jar", "lib-2.0.jar"), jars.stream().map(p -> p.getFileName().toString()).toList());
        assertTrue(jars.stream().allMatch(p -> p.startsWith(dir.resolve("cache")) && Files.isRegularFile(p)), jars.toString());
    }

    @Test
    void resolve_cachedThenOffline_stillResolves() throws IOException {
        Path remote = remoteWithTwoArtifacts();
        new MavenResolver(dir.resolve("cache"), remote.toUri().toString()).resolve(List.of("org.jtorch.demo:app:1.0"));
        List<Path> jars = new MavenResolver(dir.resolve("cache"), "http://127.0.0.1:9/").resolve(List.of("org.jtorch.demo:app:1.0"));
        assertEquals(2, jars.size());
    }

    @Test
    void resolve_unknownArtifact_saysItIsNotThere() throws IOException {
        Path remote = remoteWithTwoArtifacts();
        MavenResolver resolver = new MavenResolver(dir.resolve("cache"), remote.toUri().toString());
        MavenError e = assertThrows(MavenError.class, () -> resolver.resolve(List.of("org.jtorch.demo:nothing:1.0")));
        assertTrue(e.getMessage().startsWith("%maven: org.jtorch.demo:nothing:1.0 is not in file:"), e.getMessage());
        assertTrue(e.getMessage().endsWith("; check the group, artifact and version (org.jtorch.demo:nothing:1.0)"), e.getMessage());
    }

    @Test
    void resolve_unreachableRepository_saysCheckTheNetwork() {
        MavenResolver resolver = new MavenResolver(dir.resolve("cache"), "http://127.0.0.1:9/");
        MavenError e = assertThrows(MavenError.class, () -> resolver.resolve(List.of("org.jtorch.demo:app:1.0")));
        assertTrue(e.getMessage().startsWith("%maven cannot reach http://127.0.0.1:9/ ("), e.getMessage());
        assertTrue(e.getMessage().contains("check the network"), e.getMessage());
    }

    @Test
    void resolve_badCoordinates_showsTheForm() {
        MavenResolver resolver = new MavenResolver(dir, "http://127.0.0.1:9/");
        MavenError e = assertThrows(MavenError.class, () -> resolver.resolve(List.of("commons-math3")));
        assertEquals("%maven needs group:artifact:version (e.g. org.apache.commons:commons-math3:3.6.1), got \"commons-math3\"",
                e.getMessage());
    }
}
