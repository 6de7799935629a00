# Modern full hybrid: the Hybrid Agent carries free/busy and mailbox moves;
# SMTP still goes directly between the servers and Exchange Online.

certificate "litware-mail-2026" {
  issuer   = "public_ca"
  subject  = "mail.litwareinc.com"
  names    = ["mail.litwareinc.com", "autodiscover.litwareinc.com"]
  expires  = "2027-01-10"
  servers  = ["LIT-EX01", "LIT-EX02", "LIT-HYB01"]
  services = ["iis", "smtp"]
}

connector "send" "Outbound to Office 365" {
  servers             = ["LIT-HYB01"]
  address_spaces      = ["litwareinc.mail.onmicrosoft.com"]
  smart_hosts         = ["litwareinc-com.mail.protection.outlook.com"]
  tls_certificate     = "litware-mail-2026"
  tls_auth            = "domain_validation"
  tls_domain          = "mail.protection.outlook.com"
  cloud_services_mail = true
}

connector "receive" "Inbound from Office 365" {
  servers             = ["LIT-HYB01"]
  tls_certificate     = "litware-mail-2026"
  tls_domain          = "mail.protection.outlook.com"
  cloud_services_mail = true
}

hybrid {
  topology            = "modern_full"
  servers             = ["LIT-HYB01"]
  domains             = ["litwareinc.com"]
  tenants             = ["litwareinc.onmicrosoft.com"]
  certificate         = "litware-mail-2026"
  oauth               = true
  modern_auth         = true
  dedicated_app       = false
  features            = ["free_busy", "mailtips", "message_tracking", "online_archive", "photos"]
  migration_endpoints = 2
  inbound_ports       = [25]
  outbound_ports      = [25, 443, 80]
}

migration {
  method    = "hybrid"
  mailboxes = 3200
}
