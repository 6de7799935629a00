domain "alpineskihouse.com" {
  accepted     = "authoritative"
  verified     = true
  mx           = "on_premises"
  autodiscover = "exchange_online"
}

certificate "ash-mail-2027" {
  issuer      = "public_ca"
  issuer_name = "DigiCert Global G2 TLS RSA SHA256 2020 CA1"
  subject     = "mail.alpineskihouse.com"
  names       = ["mail.alpineskihouse.com", "autodiscover.alpineskihouse.com"]
  expires     = "2027-11-30"
  servers     = ["ASH-EX01", "ASH-EX02"]
  services    = ["iis", "smtp"]
}

# The Edge server's own certificate: the same CA and subject as the hybrid
# certificate, which is what hybrid mail needs.
certificate "ash-edge-2027" {
  issuer      = "public_ca"
  issuer_name = "DigiCert Global G2 TLS RSA SHA256 2020 CA1"
  subject     = "mail.alpineskihouse.com"
  names       = ["mail.alpineskihouse.com", "edge.alpineskihouse.com"]
  expires     = "2027-12-15"
  servers     = ["ASH-EDGE01"]
  services    = ["smtp"]
}

tenant "alpineskihouse.onmicrosoft.com" {
  plan = "E3"
}

# Microsoft Entra Cloud Sync's agent, on Windows Server 2025, which Microsoft
# recommends for it (Microsoft Entra Connect does not run there).
directory_sync {
  enabled                   = true
  tool                      = "cloud_sync"
  host_os                   = "2025"
  sign_in                   = "password_hash_sync"
  exchange_hybrid_writeback = true
}

hybrid {
  topology            = "modern_full"
  servers             = ["ASH-EX01", "ASH-EX02", "ASH-MGMT01"]
  edge_servers        = ["ASH-EDGE01"]
  domains             = ["alpineskihouse.com"]
  tenants             = ["alpineskihouse.onmicrosoft.com"]
  certificate         = "ash-mail-2027"
  oauth               = true
  dedicated_app       = true
  migration_endpoints = 1
  inbound_ports       = [25]
  outbound_ports      = [25, 443, 80]
}

migration {
  method    = "hybrid"
  mailboxes = 900
}
