package bvb.rules;

import bvb.report.Json;
import com.fasterxml.jackson.core.type.TypeReference;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import org.drools.base.common.DroolsObjectInputStream;
import org.drools.base.common.DroolsObjectOutputStream;
import org.drools.base.definitions.InternalKnowledgePackage;
import org.drools.kiesession.rulebase.InternalKnowledgeBase;
import org.drools.kiesession.rulebase.KnowledgeBaseFactory;
import org.kie.api.definition.KiePackage;

/**
 * Compiled rule sets on disk, keyed by the rule files' content hash (and bvb's and Drools'
 * versions): an unchanged rule set skips DRL compilation. Any edit, added or removed file changes
 * the key. An entry that is unreadable, truncated or fails its checksum is deleted and rebuilt,
 * never trusted.
 */
final class RuleCache {
  private static final int MAGIC = 0x62766232; // "bvb2": rule metadata length-prefixed

  private final Path dir;
  private final String versions;

  RuleCache(Path dir, String versions) {
    this.dir = dir;
    this.versions = versions;
  }

  private Path entry(String sha256) {
    return dir.resolve("rules-" + sha256 + ".bin");
  }

  /** The cached rule set for these files, or null when there is none or it is unusable. */
  RuleSet load(RuleFiles files) {
    Path file = entry(files.sha256());
    if (!Files.exists(file)) {
      return null;
    }
    try {
      byte[] all = Files.readAllBytes(file);
      if (all.length < 32) {
        throw new IOException("truncated");
      }
      byte[] body = Arrays.copyOfRange(all, 0, all.length - 32);
      if (!Arrays.equals(sha256(body), Arrays.copyOfRange(all, all.length - 32, all.length))) {
        throw new IOException("checksum mismatch");
      }
      DataInputStream in = new DataInputStream(new ByteArrayInputStream(body));
      if (in.readInt() != MAGIC || !in.readUTF().equals(versions) || !in.readUTF().equals(files.sha256())) {
        throw new IOException("entry for another version or rule set");
      }
      byte[] infoJson = new byte[in.readInt()];
      in.readFully(infoJson);
      // The key is the files' names and bytes, not their directory: an entry may have been stored
      // for an identical copy elsewhere, so each rule's file is named in this directory.
      List<RuleInfo> infos = Json.MAPPER.readValue(infoJson, new TypeReference<List<RuleInfo>>() {}).stream()
          .map(r -> new RuleInfo(r.id(), r.name(), r.source(), r.phase(),
              files.display(java.nio.file.Path.of(r.file()).getFileName().toString()), r.line()))
          .toList();
      byte[] packages = in.readAllBytes();
      InternalKnowledgeBase kbase = KnowledgeBaseFactory.newKnowledgeBase();
      try (DroolsObjectInputStream ois =
          new DroolsObjectInputStream(new ByteArrayInputStream(packages), RuleCache.class.getClassLoader())) {
        @SuppressWarnings("unchecked")
        List<InternalKnowledgePackage> pkgs = (List<InternalKnowledgePackage>) ois.readObject();
        kbase.addPackages(pkgs);
      }
      return new RuleSet(kbase, infos, files.sha256(), files.dir().toString());
    } catch (IOException | ClassNotFoundException | RuntimeException e) {
      try {
        Files.deleteIfExists(file);
      } catch (IOException ignored) {
        // a later store overwrites it
      }
      return null;
    }
  }

  /** Stores a freshly compiled rule set; failures to write only cost the next run a compile. */
  void store(RuleSet rules, Collection<KiePackage> packages) {
    try {
      Files.createDirectories(dir);
      ByteArrayOutputStream pk = new ByteArrayOutputStream();
      try (DroolsObjectOutputStream oos = new DroolsObjectOutputStream(pk)) {
        oos.writeObject(new ArrayList<>(packages));
      }
      ByteArrayOutputStream body = new ByteArrayOutputStream();
      DataOutputStream out = new DataOutputStream(body);
      out.writeInt(MAGIC);
      out.writeUTF(versions);
      out.writeUTF(rules.sha256());
      byte[] infoJson = Json.MAPPER.writeValueAsBytes(rules.rules()); // may exceed writeUTF's 64 KB
      out.writeInt(infoJson.length);
      out.write(infoJson);
      out.write(pk.toByteArray());
      out.flush();
      byte[] bytes = body.toByteArray();
      Path tmp = Files.createTempFile(dir, "rules-", ".tmp");
      Files.write(tmp, bytes);
      Files.write(tmp, sha256(bytes), java.nio.file.StandardOpenOption.APPEND);
      try {
        Files.move(tmp, entry(rules.sha256()), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, entry(rules.sha256()), StandardCopyOption.REPLACE_EXISTING);
      }
      prune();
    } catch (IOException | RuntimeException e) {
      // the cache is an optimisation: a rule set that cannot be stored is compiled again next time
    }
  }

  /** Entries kept; older ones (by modification time) are deleted when a new one is stored. */
  static final int KEEP = 16;

  private void prune() throws IOException {
    List<Path> entries;
    try (var s = Files.list(dir)) {
      entries = s.filter(p -> p.getFileName().toString().startsWith("rules-") && p.toString().endsWith(".bin"))
          .sorted(java.util.Comparator.comparing((Path p) -> p.toFile().lastModified()).reversed())
          .toList();
    }
    for (Path old : entries.subList(Math.min(KEEP, entries.size()), entries.size())) {
      Files.deleteIfExists(old);
    }
  }

  private static byte[] sha256(byte[] bytes) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(bytes);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
