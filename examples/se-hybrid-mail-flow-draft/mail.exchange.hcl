# Mail and client access, as the draft has them.

domain "proseware.com" {
  accepted     = "authoritative"
  verified     = true
  mx           = "exchange_online"
  mx_hosts     = ["proseware-com.mail.protection.outlook.com"]
  mailboxes    = "both"
  autodiscover = "on_premises"
}

# The brand bought from Fabrikam still receives its mail on premises.
domain "proseware.net" {
  accepted  = "authoritative"
  verified  = true
  mx        = "on_premises"
  mailboxes = "on_premises"
}

certificate "pw-mail-2027" {
  issuer   = "public_ca"
  subject  = "mail.proseware.com"
  names    = ["mail.proseware.com", "autodiscover.proseware.com"]
  expires  = "2027-10-31"
  servers  = ["PW-EX01"]
  services = ["iis", "smtp"]
}

namespace "mail.proseware.com" {
  services    = ["ews", "mapi", "activesync", "oab", "autodiscover"]
  certificate = "pw-mail-2027"
  port        = 443
  scope       = "external"
}

namespace "owa.proseware.com" {
  services    = ["owa", "ecp"]
  certificate = "pw-mail-2027"
  port        = 443
  scope       = "external"
}

connector "send" "To Exchange Online" {
  servers             = ["PW-EX01", "PW-EX02"]
  address_spaces      = ["proseware.mail.onmicrosoft.com"]
  smart_hosts         = ["proseware-com.mail.protection.outlook.com"]
  tls_certificate     = "pw-mail-2027"
  tls_auth            = "domain_validation"
  require_tls         = true
  cloud_services_mail = true
}

tenant "proseware.onmicrosoft.com" {
  plan          = "E3"
  eop_filtering = true
}

hybrid {
  topology       = "classic_minimal"
  servers        = ["PW-EX01", "PW-EX02"]
  domains        = ["proseware.com"]
  tenants        = ["proseware.onmicrosoft.com"]
  certificate    = "pw-mail-2027"
  dedicated_app  = true
  inbound_ports  = [443]
  outbound_ports = [443, 80]
}

migration {
  method    = "hybrid"
  mailboxes = 600
  timeframe = "slow"
}
