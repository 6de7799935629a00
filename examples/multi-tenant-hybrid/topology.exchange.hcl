# Wide World Importers: Exchange 2016 on premises, in hybrid with two
# tenants since the retail division got its own. The draft keeps the
# Exchange 2013 server left from the 2013 to 2016 move as a source of the
# Office 365 send connectors, and adds a hand-made connector for the retail
# tenant. exlint sends it back.

organization "WideWorldImporters" {
  forest_functional_level = "2012R2"
  split_permissions       = false
}

site "Seattle" {}

domain_controller "WWI-DC01" {
  site           = "Seattle"
  os             = "2016"
  global_catalog = true
  read_only      = false
}

server "WWI-EX13" {
  site    = "Seattle"
  version = "2013"
  update  = "CU18"
  roles   = ["client_access", "mailbox"]
  os      = "2012R2"
  dotnet  = "4.6.2"
}

server "WWI-EX16A" {
  site    = "Seattle"
  version = "2016"
  update  = "CU17"
  roles   = ["mailbox"]
  os      = "2016"
  dotnet  = "4.8"
  tls     = ["1.0", "1.1", "1.2"]
}

server "WWI-EX16B" {
  site    = "Seattle"
  version = "2016"
  update  = "CU17"
  roles   = ["mailbox"]
  os      = "2016"
  dotnet  = "4.8"
  tls     = ["1.0", "1.1", "1.2"]
}

dag "WWI-DAG01" {
  members = ["WWI-EX16A", "WWI-EX16B"]
  witness = "WWI-FS01"
}

domain "wideworldimporters.com" {
  accepted     = "authoritative"
  verified     = true
  mx           = "on_premises"
  autodiscover = "on_premises"
}

domain "wwiretail.com" {
  accepted     = "authoritative"
  verified     = true
  mx           = "on_premises"
  autodiscover = "on_premises"
}

certificate "wwi-mail-2025" {
  issuer   = "public_ca"
  subject  = "mail.wideworldimporters.com"
  names    = ["mail.wideworldimporters.com", "autodiscover.wideworldimporters.com"]
  expires  = "2026-10-15"
  servers  = ["WWI-EX13"]
  services = ["iis", "smtp"]
}

certificate "wwi-hybrid-2027" {
  issuer   = "public_ca"
  subject  = "mail.wideworldimporters.com"
  names    = ["mail.wideworldimporters.com", "autodiscover.wideworldimporters.com", "autodiscover.wwiretail.com"]
  expires  = "2027-08-31"
  servers  = ["WWI-EX16A", "WWI-EX16B"]
  services = ["iis", "smtp"]
}

connector "send" "Outbound to Office 365" {
  servers             = ["WWI-EX16A", "WWI-EX16B", "WWI-EX13"]
  address_spaces      = ["wideworldimporters.mail.onmicrosoft.com"]
  smart_hosts         = ["wideworldimporters-com.mail.protection.outlook.com"]
  tls_certificate     = "wwi-hybrid-2027"
  tls_auth            = "domain_validation"
  tls_domain          = "mail.protection.outlook.com"
  cloud_services_mail = true
}

connector "send" "Outbound to WWI Retail" {
  servers         = ["WWI-EX16A", "WWI-EX16B"]
  address_spaces  = ["wwiretail.mail.onmicrosoft.com"]
  smart_hosts     = ["wwiretail-com.mail.protection.outlook.com"]
  tls_certificate = "wwi-hybrid-2027"
  tls_auth        = "encryption_only"
}

connector "receive" "Inbound from Office 365" {
  servers             = ["WWI-EX16A", "WWI-EX16B"]
  tls_certificate     = "wwi-hybrid-2027"
  tls_domain          = "mail.protection.outlook.com"
  cloud_services_mail = true
}

tenant "wideworldimporters.onmicrosoft.com" {
  plan = "E3"
}

tenant "wwiretail.onmicrosoft.com" {
  plan = "Apps for business"
}

directory_sync {
  enabled                   = true
  tool                      = "entra_connect"
  host_os                   = "2019"
  sign_in                   = "password_hash_sync"
  exchange_hybrid_writeback = true
}

hybrid {
  topology                  = "classic_full"
  servers                   = ["WWI-EX16A", "WWI-EX16B"]
  domains                   = ["wideworldimporters.com", "wwiretail.com"]
  tenants                   = ["wideworldimporters.onmicrosoft.com", "wwiretail.onmicrosoft.com"]
  certificate               = "wwi-hybrid-2027"
  federation_trust          = true
  organization_relationship = true
  oauth                     = true
  modern_auth               = false
  dedicated_app             = true
  inbound_ports             = [25, 443]
  outbound_ports            = [25, 443, 80]
}

migration {
  method    = "hybrid"
  mailboxes = 1800
}
