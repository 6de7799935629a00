# Wide World Importers: Exchange Server SE in a full hybrid with Exchange
# Online, for good.
organization "Wide World Importers" {
  forest_functional_level = "2016"
}

site "HQ" {}

domain_controller "DC01" {
  site           = "HQ"
  os             = "2022"
  global_catalog = true
  read_only      = false
}

server "EX01" {
  site    = "HQ"
  version = "SE"
  update  = "RTM Aug26SU"
  build   = "15.2.2562.46"
  roles   = ["mailbox"]
  os      = "2022"
  dotnet  = "4.8.1"
  network = "internal"
  tls     = ["1.2"]
}

server "EX02" {
  site    = "HQ"
  version = "SE"
  update  = "RTM Aug26SU"
  build   = "15.2.2562.46"
  roles   = ["mailbox"]
  os      = "2022"
  dotnet  = "4.8.1"
  network = "internal"
  tls     = ["1.2"]
}

domain "wideworldimporters.com" {
  accepted     = "authoritative"
  verified     = true
  mx           = "on_premises"
  autodiscover = "on_premises"
}

certificate "mail-2027" {
  issuer   = "public_ca"
  subject  = "mail.wideworldimporters.com"
  names    = ["mail.wideworldimporters.com", "autodiscover.wideworldimporters.com"]
  expires  = "2027-09-30"
  servers  = ["EX01", "EX02"]
  services = ["iis", "smtp"]
}

tenant "wideworldimporters.onmicrosoft.com" {
  plan = "E3"
}

directory_sync {
  enabled                   = true
  tool                      = "entra_connect"
  host_os                   = "2022"
  sign_in                   = "password_hash_sync"
  exchange_hybrid_writeback = true
}
