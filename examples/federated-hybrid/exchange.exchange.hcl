# Two Exchange Server SE Mailbox servers in a DAG, in a classic full hybrid
# with Exchange Online.

server "ADT-EX01" {
  site    = "Dublin"
  version = "SE"
  update  = "RTM Aug26SU"
  build   = "15.2.2562.46"
  roles   = ["mailbox"]
  os      = "2022"
  dotnet  = "4.8.1"
  network = "internal"
  tls     = ["1.2"]
}

server "ADT-EX02" {
  site    = "Dublin"
  version = "SE"
  update  = "RTM Aug26SU"
  build   = "15.2.2562.46"
  roles   = ["mailbox"]
  os      = "2022"
  dotnet  = "4.8.1"
  network = "internal"
  tls     = ["1.2"]
}

dag "ADT-DAG01" {
  members = ["ADT-EX01", "ADT-EX02"]
  witness = "ADT-FS01"
}

domain "adatum.example" {
  accepted     = "authoritative"
  verified     = true
  mx           = "exchange_online"
  autodiscover = "on_premises"
}

certificate "adatum-mail" {
  issuer   = "public_ca"
  subject  = "mail.adatum.example"
  names    = ["mail.adatum.example", "autodiscover.adatum.example"]
  expires  = "2027-09-30"
  servers  = ["ADT-EX01", "ADT-EX02"]
  services = ["iis", "smtp"]
}

namespace "mail.adatum.example" {
  services    = ["owa", "ews", "autodiscover", "mapi", "activesync", "oab"]
  certificate = "adatum-mail"
  port        = 443
}

connector "send" "Outbound to Office 365" {
  servers             = ["ADT-EX01", "ADT-EX02"]
  address_spaces      = ["adatum.mail.onmicrosoft.com"]
  smart_hosts         = ["adatum-example.mail.protection.outlook.com"]
  tls_certificate     = "adatum-mail"
  tls_auth            = "domain_validation"
  tls_domain          = "mail.protection.outlook.com"
  cloud_services_mail = true
}

connector "receive" "Inbound from Office 365" {
  servers             = ["ADT-EX01", "ADT-EX02"]
  tls_certificate     = "adatum-mail"
  tls_auth            = "certificate_validation"
  tls_domain          = "mail.protection.outlook.com"
  cloud_services_mail = true
}

tenant "adatum.onmicrosoft.com" {
  plan = "E3"
}

hybrid {
  topology                  = "classic_full"
  servers                   = ["ADT-EX01", "ADT-EX02"]
  domains                   = ["adatum.example"]
  tenants                   = ["adatum.onmicrosoft.com"]
  certificate               = "adatum-mail"
  federation_trust          = true
  organization_relationship = true
  oauth                     = true
  modern_auth               = true
  dedicated_app             = true
  inbound_ports             = [25, 443]
  outbound_ports            = [25, 443, 80]
}

migration {
  method    = "hybrid"
  mailboxes = 1300
}

clients {
  outlook = ["365"]
}
