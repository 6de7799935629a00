# Woodgrove Bank: a first draft that exlint sends back. The organization runs
# Exchange 2010; the draft adds an Exchange 2019 server to run hybrid and plans
# a cutover of every mailbox.

organization "Woodgrove" {
  forest_functional_level = "2012R2"
}

site "Core" {}

domain_controller "WG-DC01" {
  site           = "Core"
  os             = "2016"
  global_catalog = true
}

server "WG-EX10-A" {
  site    = "Core"
  version = "2010"
  update  = "SP3 RU32"
  roles   = ["mailbox", "client_access", "hub_transport"]
  os      = "2012R2"
}

server "WG-EX10-B" {
  site    = "Core"
  version = "2010"
  update  = "SP3 RU32"
  roles   = ["mailbox", "client_access", "hub_transport"]
  os      = "2012R2"
}

server "WG-EX19" {
  site    = "Core"
  version = "2019"
  update  = "CU15"
  build   = "15.2.1748.49"
  roles   = ["mailbox"]
  os      = "2022"
  dotnet  = "4.8.1"
}

domain "woodgrovebank.com" {
  accepted     = "authoritative"
  verified     = true
  mx           = "on_premises"
  autodiscover = "on_premises"
}

tenant "woodgrovebank.onmicrosoft.com" {
  plan = "E5"
}

directory_sync {
  enabled                   = true
  tool                      = "entra_connect"
  host_os                   = "2019"
  sign_in                   = "password_hash_sync"
  exchange_hybrid_writeback = true
}

hybrid {
  topology       = "classic_full"
  servers        = ["WG-EX19"]
  domains        = ["woodgrovebank.com"]
  tenants        = ["woodgrovebank.onmicrosoft.com"]
  inbound_ports  = [25, 443]
  outbound_ports = [25, 443, 80]
}

migration {
  method    = "cutover"
  mailboxes = 2400
}
