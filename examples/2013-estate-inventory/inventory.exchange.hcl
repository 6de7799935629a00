# Wingtip Toys: the Exchange 2013 estate as it runs today, written down before
# planning the move off Exchange 2013. The servers were built by different
# teams over the years; the inventory records what is installed, not what
# was intended.

organization "WingtipToys" {
  forest_functional_level = "2012R2"
  split_permissions       = false
}

site "HQ" {}
site "Warehouse" {}

domain_controller "WT-DC01" {
  site           = "HQ"
  os             = "2012R2"
  global_catalog = true
}

server "WT-CAS01" {
  site    = "HQ"
  version = "2013"
  update  = "CU23"
  roles   = ["client_access"]
  os      = "2012R2"
  dotnet  = "4.8"
}

server "WT-MBX01" {
  site    = "HQ"
  version = "2013"
  update  = "CU23"
  roles   = ["mailbox", "hub_transport"]
  os      = "2012R2"
  dotnet  = "4.7.2"
}

# Never updated past CU21; Windows Update later installed .NET 4.8.
server "WT-MBX02" {
  site    = "HQ"
  version = "2013"
  update  = "CU21"
  roles   = ["mailbox"]
  os      = "2012R2"
  dotnet  = "4.8"
}

# The warehouse's only server is also its domain controller.
server "WT-WH01" {
  site                 = "Warehouse"
  version              = "2013"
  update               = "CU23"
  roles                = ["client_access", "mailbox"]
  os                   = "2012R2"
  dotnet               = "4.8"
  on_domain_controller = true
}

# In the perimeter network, to publish Outlook on the web.
server "WT-EDGE01" {
  version = "2013"
  update  = "CU23"
  roles   = ["edge_transport", "client_access"]
  os      = "2012R2"
  dotnet  = "4.8"
  network = "perimeter"
}

dag "WT-DAG01" {
  members = ["WT-MBX01", "WT-MBX02"]
  witness = "WT-FS01"
}
