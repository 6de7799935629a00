# Litware: Exchange 2016 in the Seattle head office (a two-member DAG) and
# one Mailbox server in the Oslo branch. The directory team plans to replace
# the domain controllers with Windows Server 2022, starting with LIT-DC03;
# Oslo has only a read-only domain controller, for physical security. The
# messaging team checks the plan before it goes ahead.

organization "Litware" {
  forest_functional_level = "2008"
  split_permissions       = false
}

site "Seattle" {}
site "Oslo" {}

domain_controller "LIT-DC01" {
  site           = "Seattle"
  os             = "2016"
  global_catalog = true
  read_only      = false
}

domain_controller "LIT-DC03" {
  site           = "Seattle"
  os             = "2022"
  global_catalog = true
  read_only      = false
}

domain_controller "LIT-RODC-OSL" {
  site           = "Oslo"
  os             = "2016"
  global_catalog = true
  read_only      = true
}
