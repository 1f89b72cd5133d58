package bvb.report;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Thousands separators for the figures inside rule texts ("tokens/month = 1000000000",
 * "$30000.0"), so a report writes every amount and volume the same way ("1,000,000,000",
 * "$30,000"). Identifiers are left alone: digits joined to letters, underscores, hyphens or dots
 * (rule ids, file names, hashes, dates, versions), and four-digit numbers that may be years.
 */
final class Figures {
  private Figures() {}

  private static final Pattern NUMBER =
      Pattern.compile("(?<![\\w.,\\-#&])(\\$?)(\\d{4,})(\\.\\d+)?(?![\\w\\-]|\\.\\d|,\\d)");
  private static final Pattern UNIT_AFTER = Pattern.compile("^\\s*(tokens|requests|examples|labeled|calls|users|GPU|hours)");

  /** {@code text} with every long figure grouped by thousands; null becomes the empty string. */
  static String group(String text) {
    if (text == null) {
      return "";
    }
    Matcher m = NUMBER.matcher(text);
    StringBuilder sb = new StringBuilder(text.length() + 16);
    while (m.find()) {
      String dollar = m.group(1);
      String digits = m.group(2);
      String fraction = m.group(3);
      boolean maybeYear = dollar.isEmpty() && digits.length() == 4 && digits.compareTo("1900") >= 0
          && digits.compareTo("2100") <= 0 && !UNIT_AFTER.matcher(text.substring(m.end())).find();
      if (maybeYear) {
        m.appendReplacement(sb, Matcher.quoteReplacement(m.group()));
        continue;
      }
      m.appendReplacement(sb, Matcher.quoteReplacement(dollar + grouped(digits, fraction)));
    }
    m.appendTail(sb);
    return sb.toString();
  }

  /** An amount in whole dollars with separators: $1,234,567. */
  static String usd(double v) {
    return String.format(Locale.ROOT, "$%,.0f", v);
  }

  /** A count with separators and no decimals: 1,000,000,000. */
  static String count(double v) {
    return String.format(Locale.ROOT, "%,.0f", v);
  }

  private static String grouped(String digits, String fraction) {
    String whole = String.format(Locale.ROOT, "%,d", new BigDecimal(digits).toBigInteger());
    if (fraction == null || fraction.matches("\\.0+")) {
      return whole;
    }
    return whole + fraction;
  }
}
