package jtorch.kernel.maven;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.RepositorySystemSession;
import org.eclipse.aether.artifact.Artifact;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.collection.CollectRequest;
import org.eclipse.aether.graph.Dependency;
import org.eclipse.aether.repository.RemoteRepository;
import org.eclipse.aether.resolution.ArtifactResult;
import org.eclipse.aether.resolution.DependencyRequest;
import org.eclipse.aether.resolution.DependencyResolutionException;
import org.eclipse.aether.supplier.RepositorySystemSupplier;
import org.eclipse.aether.supplier.SessionBuilderSupplier;
import org.eclipse.aether.transfer.ArtifactNotFoundException;
import org.eclipse.aether.util.artifact.JavaScopes;
import org.eclipse.aether.util.filter.DependencyFilterUtils;

/**
 * Resolves Maven coordinates, with their runtime dependencies, the way Maven does (Apache Maven
 * Resolver): from Maven Central into a local cache that Maven shares, so a jar is downloaded once
 * and later sessions resolve it offline.
 *
 * <p>Where: the cache is {@code $JTORCH_MAVEN_REPO}, else {@code ~/.m2/repository}; the remote
 * repository is {@code $JTORCH_MAVEN_CENTRAL}, else Maven Central. The resolver's classes load on
 * the first {@link #resolve} only. Failures are {@link MavenError}s that say what to check.
 */
public final class MavenResolver {
    public static final String CENTRAL = "https://repo.maven.apache.org/maven2/";
    private static final int CONNECT_TIMEOUT_MS = 10_000;
    private static final int REQUEST_TIMEOUT_MS = 60_000;

    private final Path localRepository;
    private final String remoteUrl;
    private RepositorySystem system;

    public MavenResolver(Path localRepository, String remoteUrl) {
        this.localRepository = localRepository;
        this.remoteUrl = remoteUrl.endsWith("/") ? remoteUrl : remoteUrl + "/";
    }

    /** The resolver the kernel uses: cache and repository from the environment, else Maven's defaults. */
    public static MavenResolver fromEnvironment() {
        String repo = System.getenv("JTORCH_MAVEN_REPO");
        String central = System.getenv("JTORCH_MAVEN_CENTRAL");
        return new MavenResolver(repo != null && !repo.isBlank() ? Path.of(repo)
                : Path.of(System.getProperty("user.home"), ".m2", "repository"),
                central != null && !central.isBlank() ? central : CENTRAL);
    }

    public Path localRepository() {
        return localRepository;
    }

    /** The jars of {@code coordinates} ({@code group:artifact:version}) and of everything they need at run time. */
    public synchronized List<Path> resolve(List<String> coordinates) {
        List<Dependency> roots = new ArrayList<>();
        for (String c : coordinates) {
            roots.add(new Dependency(artifact(c), JavaScopes.RUNTIME));
        }
        RemoteRepository remote = new RemoteRepository.Builder("central", "default", remoteUrl).build();
        CollectRequest collect = new CollectRequest(roots, List.of(), List.of(remote));
        DependencyRequest request = new DependencyRequest(collect, DependencyFilterUtils.classpathFilter(JavaScopes.RUNTIME));
        try (RepositorySystemSession.CloseableSession session = session()) {
            List<Path> jars = new ArrayList<>();
            for (ArtifactResult r : system().resolveDependencies(session, request).getArtifactResults()) {
                jars.add(r.getArtifact().getPath());
            }
            return jars;
        } catch (DependencyResolutionException ex) {
            throw explain(coordinates, ex);
        }
    }

    private static DefaultArtifact artifact(String coordinates) {
        long colons = coordinates.chars().filter(ch -> ch == ':').count();
        if (colons < 2 || colons > 4 || coordinates.contains("::") || coordinates.endsWith(":")) {
            throw new MavenError("%maven needs group:artifact:version (e.g. org.apache.commons:commons-math3:3.6.1), got \""
                    + coordinates + "\"");
        }
        return new DefaultArtifact(coordinates);
    }

    private RepositorySystem system() {
        if (system == null) {
            system = new RepositorySystemSupplier().get();
        }
        return system;
    }

    private RepositorySystemSession.CloseableSession session() {
        return new SessionBuilderSupplier(system()).get()
                .withLocalRepositoryBaseDirectories(localRepository)
                .setSystemProperties(System.getProperties())
                .setConfigProperties(Map.of(
                        "aether.transport.http.connectTimeout", CONNECT_TIMEOUT_MS,
                        "aether.transport.http.requestTimeout", REQUEST_TIMEOUT_MS))
                .build();
    }

    /** The failure as a user reads it: not found, no network, or the resolver's own message. */
    private MavenError explain(List<String> coordinates, DependencyResolutionException ex) {
        String what = String.join(", ", coordinates);
        for (Throwable t = ex; t != null; t = t.getCause()) {
            if (t instanceof UnknownHostException || t instanceof ConnectException
                    || t instanceof NoRouteToHostException || t instanceof SocketTimeoutException) {
                return new MavenError("%maven cannot reach " + remoteUrl + " (" + t + ") to resolve " + what
                        + "; check the network. Jars already in the cache " + localRepository + " resolve without it.", ex);
            }
        }
        for (Throwable t = ex; t != null; t = t.getCause()) {
            if (t instanceof ArtifactNotFoundException) {
                Artifact missing = ((ArtifactNotFoundException) t).getArtifact();
                return new MavenError("%maven: " + missing.getGroupId() + ":" + missing.getArtifactId() + ":" + missing.getVersion()
                        + " is not in " + remoteUrl + "; check the group, artifact and version (" + what + ")", ex);
            }
        }
        Throwable root = ex;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return new MavenError("%maven could not resolve " + what + ": " + root.getMessage(), ex);
    }
}
