# Adventure Works: first draft of the hardware refresh that moves Exchange 2019
# onto new Windows Server 2025 and 2022 hosts, to be upgraded in place to
# Exchange Server SE afterwards. The messaging team checks the draft with
# exlint before the hardware is ordered.

organization "AdventureWorks" {
  forest_functional_level = "2016"
  split_permissions       = true
}

site "Seattle" {}
site "Dublin" {}
site "Perth" {}

domain_controller "AW-DC01" {
  site           = "Seattle"
  os             = "2022"
  global_catalog = true
}

domain_controller "AW-DC02" {
  site           = "Dublin"
  os             = "2022"
  global_catalog = true
}

# Built first, from the current media.
server "AW-EX01" {
  site    = "Seattle"
  version = "2019"
  update  = "CU15"
  build   = "15.2.1748.49"
  roles   = ["mailbox"]
  os      = "2025"
  core    = true
  dotnet  = "4.8.1"
  tls     = ["1.2", "1.3"]
  network = "internal"
}

# Built from the CU14 media the Dublin team keeps; roles copied from the
# Exchange 2013 design it replaces.
server "AW-EX02" {
  site    = "Dublin"
  version = "2019"
  update  = "CU14"
  roles   = ["mailbox", "client_access"]
  os      = "2025"
  core    = true
  dotnet  = "4.8"
  tls     = ["1.2", "1.3"]
  network = "internal"
}

# Perth has a single server room: Exchange shares the box with the site's
# domain controller.
server "AW-EX03" {
  site                 = "Perth"
  version              = "2019"
  update               = "CU15"
  build                = "15.2.1748.49"
  roles                = ["mailbox"]
  os                   = "2022"
  dotnet               = "4.8.1"
  tls                  = ["1.2"]
  on_domain_controller = true
  network              = "internal"
}

dag "AW-DAG01" {
  members = ["AW-EX01", "AW-EX02"]
  witness = "AW-FS01"
}
