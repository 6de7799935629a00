# The draft of a hardened hybrid: no federation trust, no organization
# relationship and no OAuth, yet free/busy, MailTips and profile photos
# across the two organizations.

connector "send" "Outbound to Office 365" {
  servers             = ["EX01", "EX02"]
  address_spaces      = ["wideworldimporters.mail.onmicrosoft.com"]
  smart_hosts         = ["wideworldimporters-com.mail.protection.outlook.com"]
  tls_certificate     = "mail-2027"
  tls_auth            = "domain_validation"
  tls_domain          = "mail.protection.outlook.com"
  cloud_services_mail = true
}

connector "receive" "Inbound from Office 365" {
  servers             = ["EX01", "EX02"]
  tls_certificate     = "mail-2027"
  tls_domain          = "mail.protection.outlook.com"
  cloud_services_mail = true
}

hybrid {
  topology                  = "classic_full"
  servers                   = ["EX01", "EX02"]
  domains                   = ["wideworldimporters.com"]
  tenants                   = ["wideworldimporters.onmicrosoft.com"]
  certificate               = "mail-2027"
  features                  = ["free_busy", "mailtips", "photos", "secure_mail"]
  federation_trust          = false
  organization_relationship = false
  oauth                     = false
  dedicated_app             = true
  inbound_ports             = [25, 443]
  outbound_ports            = [25, 443, 80]
}
