domain "litware.com" {
  accepted     = "authoritative"
  verified     = true
  mx           = "exchange_online"
  autodiscover = "on_premises"
}

domain "fourthcoffee.com" {
  accepted     = "authoritative"
  verified     = false
  mx           = "on_premises"
  autodiscover = "exchange_online"
}

certificate "litware-2027" {
  issuer      = "public_ca"
  issuer_name = "DigiCert Global G2 TLS RSA SHA256 2020 CA1"
  subject     = "mail.litware.com"
  names       = ["mail.litware.com", "autodiscover.litware.com"]
  expires     = "2027-08-31"
  servers     = ["LW-EX01", "LW-EX02", "LW-EX03", "LW-EDGE01"]
  services    = ["iis", "smtp"]
}

# Bought for the new Edge server by another team, from another CA.
certificate "edge02-smtp" {
  issuer      = "public_ca"
  issuer_name = "Sectigo RSA Domain Validation Secure Server CA"
  subject     = "mail.litware.com"
  names       = ["mail.litware.com"]
  expires     = "2027-10-31"
  servers     = ["LW-EDGE02"]
  services    = ["smtp"]
}

namespace "mail.litware.com" {
  services    = ["owa", "ews", "autodiscover", "mapi", "activesync", "oab"]
  certificate = "litware-2027"
  port        = 443
}

connector "send" "Outbound to Office 365" {
  servers             = ["LW-EDGE01", "LW-EDGE02", "LW-EX01"]
  address_spaces      = ["litware.mail.onmicrosoft.com"]
  smart_hosts         = ["litware-com.mail.protection.outlook.com"]
  tls_certificate     = "litware-2027"
  tls_auth            = "domain_validation"
  tls_domain          = "mail.protection.outlook.com"
  cloud_services_mail = true
}

tenant "litware.onmicrosoft.com" {
  plan = "E5"
}

directory_sync {
  enabled                   = true
  tool                      = "entra_connect"
  host_os                   = "2022"
  sign_in                   = "password_hash_sync"
  exchange_hybrid_writeback = false
}

hybrid {
  topology                  = "classic_full"
  servers                   = ["LW-EX01", "LW-EX02", "LW-EX03"]
  edge_servers              = ["LW-EDGE01", "LW-EDGE02"]
  domains                   = ["litware.com", "fourthcoffee.com"]
  tenants                   = ["litware.onmicrosoft.com"]
  certificate               = "litware-2027"
  federation_trust          = true
  organization_relationship = true
  oauth                     = true
  dedicated_app             = true
  inbound_ports             = [25, 443]
  outbound_ports            = [25, 443]
}
