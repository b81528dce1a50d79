package dev.brook.tests;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Hosts on this machine: one Linux network namespace per host, each with one address on a /24
 * subnet, joined by a bridge in the root namespace. Traffic between hosts crosses their (virtual)
 * network interfaces, whose byte counters {@link #bytesThrough} reads; the root namespace, where
 * the test and its clients run, reaches every host through the bridge's address.
 *
 * <p>Needs root and iproute2: {@link #create} skips the calling test (a JUnit assumption) where
 * either is missing or namespaces cannot be created, as in an unprivileged container.
 *
 * <p>Names carry the pid of the JVM that made them (namespaces {@code brook-<pid>-<host>}, the
 * bridge {@code brk<pid>}, its ports {@code brk<pid>v<n>}), so that {@link #create} removes what a
 * crashed run left behind without touching a run that is still going.
 */
final class VirtualNetwork implements AutoCloseable {

    /** A host: its namespace and its address; its interface in the namespace is {@code eth0}. */
    record Host(String name, String namespace, String address) {}

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String DEVICE = "eth0";
    private static final Pattern NAMESPACE = Pattern.compile("brook-(\\d+)-.+");
    private static final Pattern LINK = Pattern.compile("brk(\\d+)(v\\d+)?");
    private static final long OWN_PID = ProcessHandle.current().pid();

    private final String bridge = "brk" + OWN_PID;
    private final String subnet;
    private final Map<String, Host> hosts = new LinkedHashMap<>();
    private final List<String> ports = new ArrayList<>();
    private boolean bridgeCreated;

    private VirtualNetwork(String subnet) {
        this.subnet = subnet;
    }

    /**
     * Creates a host per name, with the addresses {@code .10}, {@code .11}, ... of a /24 in
     * 10.0.0.0/8 that no route of this machine covers; the bridge has {@code .1}.
     */
    static VirtualNetwork create(List<String> hostNames) throws IOException, InterruptedException {
        assumeTrue(
                isRoot(),
                "Network namespaces need root (ip netns add, veth, bridge); run as root.");
        assumeTrue(
                ipCommandExists(),
                "The 'ip' command (iproute2) is missing; install it (apt-get install"
                        + " iproute2).");
        removeLeftovers();
        VirtualNetwork network = new VirtualNetwork(unroutedSubnet());
        try {
            network.build(hostNames);
        } catch (Throwable t) {
            try {
                network.close();
            } catch (Throwable cleanup) {
                t.addSuppressed(cleanup);
            }
            throw t;
        }
        return network;
    }

    private void build(List<String> hostNames) throws IOException, InterruptedException {
        for (String name : hostNames) {
            String namespace = "brook-" + OWN_PID + "-" + name;
            BrookDistribution.Result r = exec("ip", "netns", "add", namespace);
            if (hosts.isEmpty()) {
                assumeTrue(
                        r.exitCode() == 0,
                        "Network namespaces are unavailable here ('ip netns add "
                                + namespace
                                + "' failed: "
                                + r.stderr().strip()
                                + ").");
            }
            check(r, "ip", "netns", "add", namespace);
            hosts.put(name, new Host(name, namespace, subnet + (10 + hosts.size())));
        }
        ip("link", "add", bridge, "type", "bridge");
        bridgeCreated = true;
        ip("addr", "add", subnet + "1/24", "dev", bridge);
        ip("link", "set", bridge, "up");
        for (Host host : hosts.values()) {
            String port = bridge + "v" + ports.size();
            ip(
                    "link",
                    "add",
                    port,
                    "type",
                    "veth",
                    "peer",
                    "name",
                    DEVICE,
                    "netns",
                    host.namespace());
            ports.add(port);
            ip("link", "set", port, "master", bridge, "up");
            ip("-n", host.namespace(), "link", "set", "lo", "up");
            ip("-n", host.namespace(), "addr", "add", host.address() + "/24", "dev", DEVICE);
            ip("-n", host.namespace(), "link", "set", DEVICE, "up");
        }
    }

    Host host(String name) {
        Host host = hosts.get(name);
        if (host == null) {
            throw new IllegalArgumentException(
                    "No host '" + name + "' in this network; hosts: " + hosts.keySet());
        }
        return host;
    }

    /** {@code command} run inside the host's namespace. */
    static List<String> inNamespace(Host host, List<String> command) {
        List<String> wrapped = new ArrayList<>(List.of("ip", "netns", "exec", host.namespace()));
        wrapped.addAll(command);
        return wrapped;
    }

    /** Bytes received plus bytes sent by the host's interface since it was created. */
    long bytesThrough(Host host) throws IOException, InterruptedException {
        String json = ip("-n", host.namespace(), "-s", "-j", "link", "show", DEVICE);
        JsonNode stats = JSON.readTree(json).path(0).path("stats64");
        JsonNode rx = stats.path("rx").path("bytes");
        JsonNode tx = stats.path("tx").path("bytes");
        if (!rx.canConvertToLong() || !tx.canConvertToLong()) {
            throw new IllegalStateException(
                    "No byte counters for " + DEVICE + " in " + host.namespace() + ": " + json);
        }
        return rx.asLong() + tx.asLong();
    }

    /**
     * Deletes the bridge's ports (which takes their peers in the namespaces with them), the
     * namespaces and the bridge. Processes still in a namespace keep it alive, unnamed: stop them
     * first.
     */
    @Override
    public void close() throws IOException, InterruptedException {
        List<String> failures = new ArrayList<>();
        for (String port : ports) {
            deleteQuietly(failures, "link", "del", port);
        }
        for (Host host : hosts.values()) {
            deleteQuietly(failures, "netns", "del", host.namespace());
        }
        if (bridgeCreated) {
            deleteQuietly(failures, "link", "del", bridge);
        }
        if (!failures.isEmpty()) {
            throw new IllegalStateException(
                    "Could not remove the virtual network: " + String.join("; ", failures));
        }
    }

    private static void deleteQuietly(List<String> failures, String... args)
            throws IOException, InterruptedException {
        BrookDistribution.Result r = exec(prepend("ip", args));
        if (r.exitCode() != 0) {
            failures.add("'ip " + String.join(" ", args) + "': " + r.stderr().strip());
        }
    }

    /**
     * Removes namespaces and links that runs no longer alive left behind (or a dead run with this
     * JVM's pid: nothing of this run exists yet), ending the Brook daemons still in them.
     */
    private static void removeLeftovers() throws IOException, InterruptedException {
        String namespaces = ip("-j", "netns", "list");
        if (!namespaces.isBlank()) {
            for (JsonNode ns : JSON.readTree(namespaces)) {
                String name = ns.path("name").asText();
                if (isLeftover(NAMESPACE.matcher(name))) {
                    killBrookDaemons(name);
                    exec("ip", "netns", "del", name);
                }
            }
        }
        for (JsonNode link : JSON.readTree(ip("-j", "link", "show"))) {
            String name = link.path("ifname").asText();
            if (isLeftover(LINK.matcher(name))) {
                // A port may already be gone with its bridge's namespace peer; that is fine.
                exec("ip", "link", "del", name);
            }
        }
    }

    private static boolean isLeftover(Matcher name) {
        if (!name.matches()) {
            return false;
        }
        long pid = Long.parseLong(name.group(1));
        return pid == OWN_PID || ProcessHandle.of(pid).filter(ProcessHandle::isAlive).isEmpty();
    }

    private static void killBrookDaemons(String namespace)
            throws IOException, InterruptedException {
        for (String pid :
                ip("netns", "pids", namespace).lines().filter(l -> !l.isBlank()).toList()) {
            Optional<ProcessHandle> process = ProcessHandle.of(Long.parseLong(pid.strip()));
            if (process.isPresent()
                    && process.get().info().commandLine().orElse("").contains("dev.brook.")) {
                process.get().destroyForcibly();
                process.get().onExit().join();
            }
        }
    }

    /** A random {@code 10.x.y.} prefix whose /24 overlaps no route of this machine. */
    private static String unroutedSubnet() throws IOException, InterruptedException {
        List<int[]> routes = new ArrayList<>();
        for (JsonNode route : JSON.readTree(ip("-j", "-4", "route", "show", "table", "all"))) {
            String dst = route.path("dst").asText();
            if (dst.matches("\\d+\\.\\d+\\.\\d+\\.\\d+(/\\d+)?")) {
                String[] parts = dst.split("/");
                routes.add(
                        new int[] {
                            ipv4(parts[0]), parts.length == 2 ? Integer.parseInt(parts[1]) : 32
                        });
            }
        }
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int attempt = 0; attempt < 1000; attempt++) {
            int x = random.nextInt(1, 255);
            int y = random.nextInt(0, 256);
            int candidate = (10 << 24) | (x << 16) | (y << 8);
            boolean free = true;
            for (int[] route : routes) {
                int bits = Math.min(24, route[1]);
                // A /0 (a default route written as 0.0.0.0/0) overlaps everything; ignore it.
                if (bits > 0 && (candidate >>> (32 - bits)) == (route[0] >>> (32 - bits))) {
                    free = false;
                    break;
                }
            }
            if (free) {
                return "10." + x + "." + y + ".";
            }
        }
        throw new IllegalStateException(
                "Found no /24 in 10.0.0.0/8 that none of this machine's "
                        + routes.size()
                        + " IPv4 routes covers, in 1000 random tries.");
    }

    private static int ipv4(String address) {
        int value = 0;
        for (String octet : address.split("\\.")) {
            value = (value << 8) | Integer.parseInt(octet);
        }
        return value;
    }

    private static boolean isRoot() throws IOException, InterruptedException {
        BrookDistribution.Result r = exec("id", "-u");
        return r.exitCode() == 0 && r.stdout().strip().equals("0");
    }

    private static boolean ipCommandExists() throws InterruptedException {
        try {
            return exec("ip", "-V").exitCode() == 0;
        } catch (IOException notInstalled) {
            return false;
        }
    }

    /** Runs {@code ip args...}, returns its output, fails naming the command if it fails. */
    private static String ip(String... args) throws IOException, InterruptedException {
        String[] command = prepend("ip", args);
        return check(exec(command), command);
    }

    private static String check(BrookDistribution.Result r, String... command) {
        if (r.exitCode() != 0) {
            throw new IllegalStateException(
                    "'"
                            + String.join(" ", command)
                            + "' failed with exit code "
                            + r.exitCode()
                            + ": "
                            + r.stderr().strip());
        }
        return r.stdout();
    }

    private static BrookDistribution.Result exec(String... command)
            throws IOException, InterruptedException {
        return BrookDistribution.exec(Path.of("."), Map.of(), 30, List.of(command));
    }

    private static String[] prepend(String first, String[] rest) {
        String[] all = new String[rest.length + 1];
        all[0] = first;
        System.arraycopy(rest, 0, all, 1, rest.length);
        return all;
    }
}
