// What Java's own KeyStore sees in a keystore file: the peer check for every keystore Certbench writes.
// java test/java/KeystoreProbe.java TYPE FILE STOREPASS [ALIAS=KEYPASS ...]
// Prints one JSON object per entry (alias order), then {"count": N}. For key entries it loads the key
// with getKey(alias, keyPassword) and proves it belongs to the leaf certificate by signing and verifying.
import java.io.FileInputStream;
import java.security.*;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.*;

public class KeystoreProbe {
  public static void main(String[] args) throws Exception {
    String type = args[0], file = args[1];
    char[] storePass = args[2].toCharArray();
    Map<String, char[]> keyPass = new HashMap<>();
    for (int i = 3; i < args.length; i++) {
      int eq = args[i].indexOf('=');
      keyPass.put(args[i].substring(0, eq), args[i].substring(eq + 1).toCharArray());
    }
    KeyStore ks = KeyStore.getInstance(type);
    try (FileInputStream in = new FileInputStream(file)) {
      ks.load(in, storePass);
    }
    List<String> aliases = Collections.list(ks.aliases());
    Collections.sort(aliases);
    for (String alias : aliases) {
      StringBuilder out = new StringBuilder("{\"alias\":").append(q(alias));
      if (ks.isKeyEntry(alias)) {
        char[] pass = keyPass.getOrDefault(alias, storePass);
        Key key = ks.getKey(alias, pass);
        out.append(",\"type\":\"key\",\"keyAlgorithm\":").append(q(key.getAlgorithm()));
        Certificate[] chain = ks.getCertificateChain(alias);
        out.append(",\"chain\":[");
        for (int i = 0; chain != null && i < chain.length; i++) {
          if (i > 0) out.append(',');
          out.append(q(((X509Certificate) chain[i]).getSubjectX500Principal().getName()));
        }
        out.append(']');
        if (key instanceof PrivateKey && chain != null && chain.length > 0) {
          out.append(",\"keyMatchesLeaf\":").append(matches((PrivateKey) key, chain[0].getPublicKey()));
        }
      } else if (ks.isCertificateEntry(alias)) {
        X509Certificate cert = (X509Certificate) ks.getCertificate(alias);
        out.append(",\"type\":\"trusted\",\"subject\":").append(q(cert.getSubjectX500Principal().getName()));
      } else {
        out.append(",\"type\":\"other\"");
      }
      System.out.println(out.append('}'));
    }
    System.out.println("{\"count\":" + aliases.size() + "}");
  }

  static boolean matches(PrivateKey key, PublicKey pub) throws Exception {
    String alg = key.getAlgorithm();
    String sigAlg = alg.equals("RSA") ? "SHA256withRSA" : alg.equals("EC") ? "SHA256withECDSA" : alg.equals("DSA") ? "SHA256withDSA" : alg;
    byte[] data = "certbench".getBytes("UTF-8");
    Signature s = Signature.getInstance(sigAlg);
    s.initSign(key);
    s.update(data);
    byte[] sig = s.sign();
    Signature v = Signature.getInstance(sigAlg);
    v.initVerify(pub);
    v.update(data);
    return v.verify(sig);
  }

  static String q(String s) {
    StringBuilder b = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      if (c == '"' || c == '\\') b.append('\\').append(c);
      else if (c < 0x20) b.append(String.format("\\u%04x", (int) c));
      else b.append(c);
    }
    return b.append('"').toString();
  }
}
