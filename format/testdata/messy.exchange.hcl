# Contoso: the target topology   
organization "Contoso" {
forest_functional_level="2016" # raised in 2025
}

// the main site
site   "HQ"   {}

/* Exchange servers:
   two in HQ */
server "EX01" {
    site="HQ"
  version = "SE"   # latest
	update = "RTM"
  roles = ["mailbox",
  "edge_transport"]  // both, on purpose
}



