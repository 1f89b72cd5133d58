package bvb.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/** bvb's and Drools' versions, from the build. */
public final class Versions implements IVersionProvider {
  private static final Properties PROPS = load();

  public static String bvb() {
    return PROPS.getProperty("version", "dev");
  }

  /** What a cached compiled rule set must have been compiled by: bvb, Drools and Java versions. */
  public static String ruleCache() {
    return bvb() + "/" + drools() + "/" + Runtime.version().feature();
  }

  public static String drools() {
    return PROPS.getProperty("drools", "unknown");
  }

  @Override
  public String[] getVersion() {
    return new String[] {"bvb " + bvb() + " (Drools " + drools() + ", Java " + Runtime.version() + ")"};
  }

  private static Properties load() {
    Properties p = new Properties();
    try (InputStream in = Versions.class.getResourceAsStream("/bvb.properties")) {
      if (in != null) {
        p.load(in);
      }
    } catch (IOException e) {
      // versions stay "dev"/"unknown"
    }
    return p;
  }
}
