# Mail for contoso.com arrives at Exchange Online Protection, which filters
# it and sends mail for the mailboxes not yet moved back on premises over the
# hybrid connectors below. Autodiscover stays on premises until the last
# mailbox has moved.
domain "contoso.com" {
  accepted     = "authoritative"
  verified     = true
  mx           = "exchange_online"
  mx_hosts     = ["contoso-com.mail.protection.outlook.com"]
  mailboxes    = "both"
  autodiscover = "on_premises"
}

certificate "mail-2027" {
  issuer   = "public_ca"
  subject  = "mail.contoso.com"
  names    = ["mail.contoso.com", "autodiscover.contoso.com"]
  expires  = "2027-09-30"
  servers  = ["EX01", "EX02"]
  services = ["iis", "smtp"]
}

namespace "mail.contoso.com" {
  services    = ["owa", "ews", "mapi", "activesync", "oab"]
  certificate = "mail-2027"
  port        = 443
  scope       = "external"
}

namespace "autodiscover.contoso.com" {
  services    = ["autodiscover"]
  certificate = "mail-2027"
  port        = 443
  scope       = "external"
}

connector "send" "Outbound to Office 365" {
  servers             = ["EX01", "EX02"]
  address_spaces      = ["contoso.mail.onmicrosoft.com"]
  smart_hosts         = ["contoso-com.mail.protection.outlook.com"]
  tls_certificate     = "mail-2027"
  tls_auth            = "domain_validation"
  tls_domain          = "mail.protection.outlook.com"
  require_tls         = true
  cloud_services_mail = true
}

# Mail from the on-premises mailboxes to the internet leaves directly, by DNS.
connector "send" "Internet" {
  servers        = ["EX01", "EX02"]
  address_spaces = ["*"]
}

connector "receive" "Inbound from Office 365" {
  servers             = ["EX01", "EX02"]
  tls_certificate     = "mail-2027"
  tls_domain          = "mail.protection.outlook.com"
  cloud_services_mail = true
}

tenant "contoso.onmicrosoft.com" {
  plan          = "E3"
  eop_filtering = true
}

directory_sync {
  enabled                   = true
  tool                      = "entra_connect"
  host_os                   = "2022"
  sign_in                   = "password_hash_sync"
  exchange_hybrid_writeback = true
}

hybrid {
  topology                  = "classic_full"
  servers                   = ["EX01", "EX02"]
  domains                   = ["contoso.com"]
  tenants                   = ["contoso.onmicrosoft.com"]
  certificate               = "mail-2027"
  federation_trust          = true
  organization_relationship = true
  oauth                     = true
  modern_auth               = true
  dedicated_app             = true
  inbound_ports             = [25, 443]
  outbound_ports            = [25, 443, 80]
  features                  = ["free_busy", "mailtips", "message_tracking", "online_archive", "owa_redirection", "photos", "secure_mail"]
}

migration {
  method    = "hybrid"
  mailboxes = 2400
}
