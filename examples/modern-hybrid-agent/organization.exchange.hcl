# Litware, Inc.: Exchange 2019 on premises, in hybrid with Exchange Online
# through the Microsoft Hybrid Agent (Modern topology), because the security
# team allows no inbound HTTPS. This plan also turns on hybrid modern
# authentication for MFA and keeps cross-premises message tracking: exlint
# sends it back.

organization "Litware" {
  forest_functional_level = "2016"
  split_permissions       = false
}

site "Redmond" {}

domain_controller "LIT-DC01" {
  site           = "Redmond"
  os             = "2022"
  global_catalog = true
  read_only      = false
}

domain_controller "LIT-DC02" {
  site           = "Redmond"
  os             = "2022"
  global_catalog = true
  read_only      = false
}

domain "litwareinc.com" {
  accepted     = "authoritative"
  verified     = true
  mx           = "on_premises"
  autodiscover = "on_premises"
}

tenant "litwareinc.onmicrosoft.com" {
  plan = "E5"
}

directory_sync {
  enabled                   = true
  tool                      = "entra_connect"
  host_os                   = "2022"
  sign_in                   = "password_hash_sync"
  exchange_hybrid_writeback = true
}
