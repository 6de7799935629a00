# Adatum Corporation: the target topology for the move from Exchange 2016 and
# 2019 to Exchange Server SE, half-way through. The 2019 DAG is being upgraded
# in place to SE, new SE servers on Windows Server 2025 are planned for the
# same DAG, and the architects want the next SE servers at CU2. The Exchange
# 2016 journaling server has not been touched since 2021.

organization "Adatum" {
  forest_functional_level = "2016"
  split_permissions       = false
}

site "Amsterdam" {}
site "Dublin" {}

domain_controller "ADT-DC01" {
  site           = "Amsterdam"
  os             = "2022"
  global_catalog = true
  read_only      = false
}

domain_controller "ADT-DC02" {
  site           = "Dublin"
  os             = "2022"
  global_catalog = true
  read_only      = false
}

domain "adatum.com" {
  accepted     = "authoritative"
  verified     = true
  mx           = "exchange_online"
  autodiscover = "on_premises"
}

certificate "adatum-2027" {
  issuer   = "public_ca"
  subject  = "mail.adatum.com"
  names    = ["mail.adatum.com", "autodiscover.adatum.com"]
  expires  = "2027-10-31"
  servers  = ["ADT-EX19-01", "ADT-SE-01", "ADT-SE-02"]
  services = ["iis", "smtp"]
}

namespace "mail.adatum.com" {
  services    = ["owa", "ews", "autodiscover", "mapi", "activesync", "oab"]
  certificate = "adatum-2027"
  port        = 443
}

connector "send" "Outbound to Office 365" {
  servers             = ["ADT-EX19-01", "ADT-SE-01"]
  address_spaces      = ["adatum.mail.onmicrosoft.com"]
  smart_hosts         = ["adatum-com.mail.protection.outlook.com"]
  tls_certificate     = "adatum-2027"
  tls_auth            = "domain_validation"
  tls_domain          = "mail.protection.outlook.com"
  cloud_services_mail = true
}

connector "receive" "Inbound from Office 365" {
  servers             = ["ADT-EX19-01", "ADT-SE-01"]
  tls_certificate     = "adatum-2027"
  tls_auth            = "certificate_validation"
  tls_domain          = "mail.protection.outlook.com"
  cloud_services_mail = true
}

tenant "adatum.onmicrosoft.com" {
  plan = "E5"
}

directory_sync {
  enabled                   = true
  tool                      = "entra_connect"
  host_os                   = "2022"
  sign_in                   = "password_hash_sync"
  exchange_hybrid_writeback = true
}

hybrid {
  topology      = "classic_full"
  servers       = ["ADT-SE-01"]
  domains       = ["adatum.com"]
  tenants       = ["adatum.onmicrosoft.com"]
  certificate   = "adatum-2027"
  oauth         = true
  dedicated_app = true
}
