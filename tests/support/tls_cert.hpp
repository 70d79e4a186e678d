// SPDX-License-Identifier: MIT
#pragma once
// Test certificates generated at run time with OpenSSL's C API: a CA and a server certificate it
// signs for 127.0.0.1, ::1 and localhost. Nothing is committed, nothing expires in the repository.
//
//   test_support::test_pki pki;                 // a fresh CA + server certificate (EC P-256)
//   httplib::SSLServer server(pki.server_cert(), pki.server_key());
//   options.ca_file = pki.ca_file();           // a PEM file, deleted with the test_pki

#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rand.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <string>

#include <unistd.h>

namespace test_support {

namespace detail {
struct pkey_free {
  void operator()(EVP_PKEY* p) const { EVP_PKEY_free(p); }
};
struct x509_free {
  void operator()(X509* p) const { X509_free(p); }
};
using pkey_ptr = std::unique_ptr<EVP_PKEY, pkey_free>;
using x509_ptr = std::unique_ptr<X509, x509_free>;

[[noreturn]] inline void openssl_failed(const char* what) {
  std::fprintf(stderr, "test_support::test_pki: %s failed\n", what);
  std::abort();
}

inline pkey_ptr make_key() {
  pkey_ptr key(EVP_PKEY_Q_keygen(nullptr, nullptr, "EC", "P-256"));
  if (!key) openssl_failed("EVP_PKEY_Q_keygen");
  return key;
}

inline void add_extension(X509* cert, X509* issuer, int nid, const char* value) {
  X509V3_CTX ctx;
  X509V3_set_ctx_nodb(&ctx);
  X509V3_set_ctx(&ctx, issuer, cert, nullptr, nullptr, 0);
  X509_EXTENSION* ext = X509V3_EXT_conf_nid(nullptr, &ctx, nid, value);
  if (!ext) openssl_failed("X509V3_EXT_conf_nid");
  X509_add_ext(cert, ext, -1);
  X509_EXTENSION_free(ext);
}

// issuer == nullptr: self-signed (a CA).
inline x509_ptr make_cert(const char* common_name, EVP_PKEY* key, X509* issuer,
                          EVP_PKEY* issuer_key) {
  x509_ptr cert(X509_new());
  if (!cert) openssl_failed("X509_new");
  X509_set_version(cert.get(), 2);
  unsigned char serial[8];
  RAND_bytes(serial, sizeof serial);
  serial[0] &= 0x7F;
  BIGNUM* bn = BN_bin2bn(serial, sizeof serial, nullptr);
  BN_to_ASN1_INTEGER(bn, X509_get_serialNumber(cert.get()));
  BN_free(bn);
  X509_gmtime_adj(X509_getm_notBefore(cert.get()), -3600);
  X509_gmtime_adj(X509_getm_notAfter(cert.get()), 24 * 3600);
  X509_set_pubkey(cert.get(), key);
  X509_NAME* name = X509_get_subject_name(cert.get());
  X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_ASC,
                             reinterpret_cast<const unsigned char*>(common_name), -1, -1, 0);
  X509* signer = issuer ? issuer : cert.get();
  X509_set_issuer_name(cert.get(), X509_get_subject_name(signer));
  if (!issuer) {
    add_extension(cert.get(), signer, NID_basic_constraints, "critical,CA:TRUE");
    add_extension(cert.get(), signer, NID_key_usage, "critical,keyCertSign,cRLSign");
    add_extension(cert.get(), signer, NID_subject_key_identifier, "hash");
  } else {
    add_extension(cert.get(), signer, NID_basic_constraints, "critical,CA:FALSE");
    add_extension(cert.get(), signer, NID_key_usage, "critical,digitalSignature");
    add_extension(cert.get(), signer, NID_ext_key_usage, "serverAuth");
    add_extension(cert.get(), signer, NID_subject_alt_name, "IP:127.0.0.1,IP:::1,DNS:localhost");
  }
  if (X509_sign(cert.get(), issuer ? issuer_key : key, EVP_sha256()) == 0)
    openssl_failed("X509_sign");
  return cert;
}
}  // namespace detail

class test_pki {
 public:
  explicit test_pki(const char* ca_name = "gpt_image test CA")
      : ca_key_(detail::make_key()),
        ca_cert_(detail::make_cert(ca_name, ca_key_.get(), nullptr, nullptr)),
        server_key_(detail::make_key()),
        server_cert_(
            detail::make_cert("127.0.0.1", server_key_.get(), ca_cert_.get(), ca_key_.get())) {
    static std::atomic<int> counter{0};
    ca_file_ = (std::filesystem::temp_directory_path() /
                ("gpt_image_test_ca_" + std::to_string(::getpid()) + "_" +
                 std::to_string(counter++) + ".pem"))
                   .string();
    FILE* f = std::fopen(ca_file_.c_str(), "wb");
    if (!f) detail::openssl_failed("fopen of the CA file");
    PEM_write_X509(f, ca_cert_.get());
    std::fclose(f);
  }
  ~test_pki() {
    std::error_code ignored;
    std::filesystem::remove(ca_file_, ignored);
  }
  test_pki(const test_pki&) = delete;
  test_pki& operator=(const test_pki&) = delete;

  X509* server_cert() const { return server_cert_.get(); }
  EVP_PKEY* server_key() const { return server_key_.get(); }
  const std::string& ca_file() const { return ca_file_; }

 private:
  detail::pkey_ptr ca_key_;
  detail::x509_ptr ca_cert_;
  detail::pkey_ptr server_key_;
  detail::x509_ptr server_cert_;
  std::string ca_file_;
};

}  // namespace test_support
